package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.Ports;
import io.srcn.sdk.Probes;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered object passes the API server's validation rules for its kind. */
class RenderedObjectsValidTest {
  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("minimal", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::minimal),
        Arguments.of("full", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::full),
        Arguments.of("seed", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::seedAutoscaling),
        Arguments.of("ip-mode", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::ipMode),
        Arguments.of("warehouse", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::warehouse),
        Arguments.of(
            "longest-name",
            (Supplier<ComputeNodeGroupSpec>)
                () -> ComputeNodeGroups.create("g".repeat(40)).image("starrocks/cn-ubuntu:3.3.5")));
  }

  /** Seeded variations over the spec's knobs, so combinations are covered too. */
  static Stream<Arguments> variations() {
    Random random = new Random(6);
    return IntStream.range(0, 40).mapToObj(i -> Arguments.of(i, variation(random, i)));
  }

  @ParameterizedTest(name = "variation {0}")
  @MethodSource("variations")
  void variationsAreValid(int i, ComputeNodeGroupSpec spec) {
    for (HasMetadata o : GroupRenderer.render(spec, RenderOptions.defaults()).objects()) {
      assertThat(KubernetesValidation.validate(o)).as("%s %s", o.getKind(), spec).isEmpty();
    }
  }

  private static ComputeNodeGroupSpec variation(Random r, int i) {
    ComputeNodeGroupSpec s =
        ComputeNodeGroups.create("v" + i + "-" + "x".repeat(1 + r.nextInt(30)))
            .inNamespace(r.nextBoolean() ? "default" : "ns-" + r.nextInt(100))
            .image("starrocks/cn-ubuntu:3." + r.nextInt(6) + "." + r.nextInt(20))
            .replicas(r.nextInt(20))
            .ports(
                Ports.of(
                    1000 + r.nextInt(1000),
                    2000 + r.nextInt(1000),
                    3000 + r.nextInt(1000),
                    4000 + r.nextInt(1000)))
            .probes(Probes.of(r.nextInt(600), r.nextInt(3) * r.nextInt(60), 1 + r.nextInt(60)))
            .terminationGracePeriod(Duration.ofSeconds(r.nextInt(600)))
            .addressMode(r.nextBoolean() ? AddressMode.FQDN : AddressMode.POD_IP);
    if (r.nextBoolean()) {
      s = s.resources(Resources.requests((1 + r.nextInt(8)) + "", (1 + r.nextInt(64)) + "Gi"));
    }
    if (r.nextBoolean()) {
      s = s.logs(LogOutput.FILES);
    }
    VolumePurpose[] purposes = VolumePurpose.values();
    for (int v = 0; v < r.nextInt(5); v++) {
      VolumePurpose purpose = purposes[v % purposes.length];
      if (purpose == VolumePurpose.LOGS && s.logs() != LogOutput.FILES) {
        purpose = VolumePurpose.MOUNT_ONLY;
      }
      s = s.storage(StorageVolume.of("vol-" + v, (1 + r.nextInt(500)) + "Gi").purpose(purpose));
    }
    if (r.nextBoolean()) {
      s = s.configFile("core-site.xml", "<configuration/>\n");
    }
    if (r.nextBoolean()) {
      int min = 1 + r.nextInt(5);
      Autoscaling a = Autoscaling.between(min, min + r.nextInt(50));
      a =
          r.nextBoolean()
              ? a.onCpu(1 + r.nextInt(100))
              : a.onMemoryAverage((1 + r.nextInt(32)) + "Gi");
      if (r.nextBoolean()) {
        a =
            a.scaleUp(
                ScalingRule.percent(1 + r.nextInt(200))
                    .every(Duration.ofSeconds(1 + r.nextInt(1800))));
      }
      if (r.nextBoolean()) {
        a = a.scaleDownDisabled();
      }
      s = s.autoscale(a);
    }
    if (r.nextBoolean()) {
      s =
          s.config("sys_log_level", "INFO")
              .env("K" + r.nextInt(10), "v")
              .podLabel("team", "t" + r.nextInt(9));
    }
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void everyRenderedObjectIsValid(String name, Supplier<ComputeNodeGroupSpec> spec) {
    RenderedObjects rendered =
        GroupRenderer.render(spec.get(), RenderOptions.defaults().withStatefulSetUid("u-1"));
    for (HasMetadata o : rendered.objects()) {
      assertThat(KubernetesValidation.validate(o)).as("%s %s", o.getKind(), name).isEmpty();
    }
  }
}
