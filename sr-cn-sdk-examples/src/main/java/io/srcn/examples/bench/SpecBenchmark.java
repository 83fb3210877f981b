package io.srcn.examples.bench;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Measures the spec's own costs: building a realistic spec with the fluent API (every step
 * validates the whole value), one fluent change on it, and YAML / canonical JSON in both directions
 * (the controller reads the canonical JSON back from the StatefulSet annotation).
 *
 * <p>Run: {@code mvn -q -pl sr-cn-sdk-examples -am compile exec:java
 * -Dexec.mainClass=io.srcn.examples.bench.SpecBenchmark} (optional argument: seconds per case,
 * default 3).
 */
public final class SpecBenchmark {
  private SpecBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    ComputeNodeGroupSpec spec = realisticSpec();
    String yaml = spec.toYaml();
    String json = spec.toCanonicalJson();
    System.out.printf(
        "spec: %d bytes of canonical JSON, %d bytes of YAML; %d cores, Java %s%n",
        json.length(),
        yaml.length(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    measure("build the spec (31 fluent steps)", seconds, SpecBenchmark::realisticSpec);
    measure("one fluent change (replicas)", seconds, () -> spec.replicas(3));
    measure("toCanonicalJson", seconds, spec::toCanonicalJson);
    measure("fromCanonicalJson", seconds, () -> ComputeNodeGroupSpec.fromCanonicalJson(json));
    measure("toYaml", seconds, spec::toYaml);
    measure("fromYaml", seconds, () -> ComputeNodeGroupSpec.fromYaml(yaml));
  }

  static ComputeNodeGroupSpec realisticSpec() {
    return ComputeNodeGroups.create("analytics")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.5")
        .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
        .config("sys_log_level", "INFO")
        .config("starlet_cache_evict_high_water", "0.2")
        .config("storage_root_path", "/opt/starrocks/cn/storage")
        .env("TZ", "Asia/Shanghai")
        .nodeSelector("node-role/cn", "true")
        .toleration(
            new TolerationBuilder()
                .withKey("dedicated")
                .withOperator("Equal")
                .withValue("starrocks")
                .withEffect("NoSchedule")
                .build())
        .affinity(
            new AffinityBuilder()
                .withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100)
                .withNewPodAffinityTerm()
                .withTopologyKey("kubernetes.io/hostname")
                .withNewLabelSelector()
                .addToMatchLabels("app.kubernetes.io/instance", "analytics")
                .endLabelSelector()
                .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity()
                .build())
        .topologySpread(
            new TopologySpreadConstraintBuilder()
                .withMaxSkew(1)
                .withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("ScheduleAnyway")
                .build())
        .podLabel("team", "data-platform")
        .podAnnotation("prometheus.io/scrape", "true")
        .imagePullSecret("registry-credentials")
        .serviceAccount("starrocks-cn")
        .imagePullPolicy("IfNotPresent")
        .terminationGracePeriod(Duration.ofSeconds(300))
        .logs(LogOutput.FILES)
        .storage(
            StorageVolume.of("storage", "500Gi")
                .storageClass("fast-ssd")
                .purpose(VolumePurpose.DATA))
        .storage(StorageVolume.of("log", "20Gi").purpose(VolumePurpose.LOGS))
        .warehouse("analytics_wh")
        .autoscale(
            Autoscaling.between(1, 10)
                .onCpu(60)
                .onMemory(30)
                .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                .scaleDownStabilization(Duration.ofMinutes(10)))
        .registerWith(
            Frontend.at("fe-0.fe-search.starrocks.svc:9030", "fe-1.fe-search.starrocks.svc:9030")
                .credentials(Credentials.fromSecret("fe-account")))
        .validate();
  }

  private static void measure(String name, double seconds, Supplier<?> operation) {
    long warmupEnd = System.nanoTime() + (long) (seconds * 0.3e9);
    while (System.nanoTime() < warmupEnd) {
      operation.get();
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long count = 0;
    Object sink = null;
    while (System.nanoTime() < end) {
      sink = operation.get();
      count++;
    }
    double micros = (System.nanoTime() - start) / 1e3 / count;
    System.out.printf("%-36s %10.1f us/op %10.0f ops/s%n", name, micros, 1e6 / micros);
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
  }
}
