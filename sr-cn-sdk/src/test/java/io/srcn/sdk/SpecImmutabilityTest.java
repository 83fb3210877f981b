package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Specs are values: fluent calls return new specs, and nothing reachable from one can change. */
class SpecImmutabilityTest {
  private static final ComputeNodeGroupSpec ORIGINAL = new SpecGenerator(7).spec().image("cn:1");

  static Stream<UnaryOperator<ComputeNodeGroupSpec>> fluentCalls() {
    return Stream.of(
        s -> s.inNamespace("other"),
        s -> s.image("cn:2"),
        s -> s.replicas(3),
        s -> s.autoscale(Autoscaling.between(1, 3)),
        ComputeNodeGroupSpec::withoutAutoscaling,
        s -> s.registerWith(Frontend.at("fe2")),
        s -> s.resources(Resources.requests("1", "1Gi")),
        s -> s.config("new_key", "v"),
        s -> s.config(Map.of("other_key", "v")),
        s -> s.withoutConfig("new_key"),
        s -> s.env("NEW_VAR", "v"),
        s -> s.env(new EnvVar("OTHER_VAR", "v", null)),
        s -> s.nodeSelector("disk", "ssd"),
        s -> s.toleration(new TolerationBuilder().withOperator("Exists").build()),
        s -> s.affinity(new io.fabric8.kubernetes.api.model.Affinity()),
        s ->
            s.topologySpread(
                new io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder()
                    .withMaxSkew(1)
                    .withTopologyKey("unique/key")
                    .withWhenUnsatisfiable("DoNotSchedule")
                    .build()),
        s -> s.podLabel("new-label", "v"),
        s -> s.podAnnotation("new-annotation", "v"),
        s -> s.imagePullSecret("new-secret"),
        s -> s.serviceAccount("new-sa"),
        s -> s.securityContext(new io.fabric8.kubernetes.api.model.PodSecurityContext()),
        s -> s.imagePullPolicy("Never"),
        s -> s.ports(Ports.of(1, 2, 3, 4)),
        s -> s.probes(Probes.of(1, 2, 3)),
        s -> s.terminationGracePeriod(Duration.ofSeconds(7)),
        s -> s.storage(StorageVolume.of("new-volume", "1Gi").purpose(VolumePurpose.DATA)),
        s -> s.logs(LogOutput.FILES),
        s -> s.cnVersion("3.5.2"),
        s -> s.configFile("core-site.xml", "<configuration/>"),
        s -> s.clusterDomain("example.org"),
        s -> s.addressMode(AddressMode.POD_IP),
        s -> s.warehouse("new_wh"),
        s -> s.command("a", "b"),
        s -> s.args("c"));
  }

  @ParameterizedTest
  @MethodSource("fluentCalls")
  void aFluentCallLeavesTheOriginalUnchanged(UnaryOperator<ComputeNodeGroupSpec> call) {
    String before = ORIGINAL.toCanonicalJson();
    ComputeNodeGroupSpec changed = call.apply(ORIGINAL);
    assertThat(ORIGINAL.toCanonicalJson()).isEqualTo(before);
    assertThat(changed).isNotSameAs(ORIGINAL);
  }

  @Test
  void returnedCollectionsAreUnmodifiable() {
    ComputeNodeGroupSpec s =
        ComputeNodeGroups.create("g").config("a", "1").env("A", "1").imagePullSecret("x");
    assertThatThrownBy(() -> s.config().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.env().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.tolerations().add(new Toleration()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.podLabels().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.imagePullSecrets().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.storage().add(StorageVolume.of("a", "1")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.command().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    Resources r = Resources.requests("1", "1Gi");
    assertThatThrownBy(() -> r.requests().put("cpu", "9"))
        .isInstanceOf(UnsupportedOperationException.class);
    Autoscaling a = Autoscaling.between(1, 2).scaleUp(ScalingRule.pods(1));
    assertThatThrownBy(() -> a.customMetrics().add(new MetricSpec()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.scaleUp().orElseThrow().rules().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void inputsAreCopiedSoChangingThemLaterChangesNothing() {
    Toleration toleration = new TolerationBuilder().withKey("k").withOperator("Equal").build();
    Map<String, String> config = new HashMap<>(Map.of("a", "1"));
    String[] command = {"start.sh"};
    ComputeNodeGroupSpec s =
        ComputeNodeGroups.create("g").toleration(toleration).config(config).command(command);
    toleration.setOperator("Maybe");
    config.put("Bad Key", "x");
    command[0] = "other.sh";
    assertThat(s.tolerations().get(0).getOperator()).isEqualTo("Equal");
    assertThat(s.config()).containsOnlyKeys("a");
    assertThat(s.command()).containsExactly("start.sh");

    MetricSpec metric =
        new MetricSpecBuilder()
            .withType("External")
            .withNewExternal()
            .withNewMetric()
            .withName("lag")
            .endMetric()
            .withNewTarget()
            .withType("Value")
            .withNewValue("10")
            .endTarget()
            .endExternal()
            .build();
    Autoscaling a = Autoscaling.between(1, 2).onMetric(metric);
    metric.setType("Bogus");
    assertThat(a.customMetrics().get(0).getType()).isEqualTo("External");
    a.effectiveMetrics().get(0).setType("Bogus");
    assertThat(a.effectiveMetrics().get(0).getType()).isEqualTo("External");
  }

  @Test
  void listFluentCallsReplaceByNameAndIgnoreRepeats() {
    ComputeNodeGroupSpec s =
        ComputeNodeGroups.create("g")
            .env("A", "1")
            .env("B", "2")
            .env("A", "3")
            .storage(StorageVolume.of("data", "1Gi").purpose(VolumePurpose.DATA))
            .storage(StorageVolume.of("data", "2Gi").purpose(VolumePurpose.DATA))
            .imagePullSecret("x")
            .imagePullSecret("x")
            .config("k", "1")
            .config("k", "2");
    assertThat(s.env())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "3"),
            org.assertj.core.groups.Tuple.tuple("B", "2"));
    assertThat(s.storage())
        .containsExactly(StorageVolume.of("data", "2Gi").purpose(VolumePurpose.DATA));
    assertThat(s.imagePullSecrets()).isEqualTo(List.of("x"));
    assertThat(s.config()).isEqualTo(Map.of("k", "2"));
  }
}
