package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.Ports;
import io.srcn.sdk.Probes;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.SelectPolicy;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import java.time.Duration;
import java.util.Map;

/** The specs of the golden files, shared by the render tests. */
final class ExampleSpecs {
  private ExampleSpecs() {}

  /** Only what is required: a name and an image. */
  static ComputeNodeGroupSpec minimal() {
    return ComputeNodeGroups.create("minimal").image("starrocks/cn-ubuntu:3.3.5");
  }

  /** The seed's autoscaling example (StarRocks CN guide), as in the README. */
  static ComputeNodeGroupSpec seedAutoscaling() {
    return ComputeNodeGroups.create("analytics")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.5")
        .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
        .config("sys_log_level", "INFO")
        .autoscale(
            Autoscaling.between(1, 10)
                .onCpu(60)
                .onMemory(30)
                .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                .scaleDownDisabled())
        .registerWith(
            Frontend.at("fe-0.fe-search.starrocks.svc:9030", "fe-1.fe-search.starrocks.svc")
                .credentials(Credentials.fromSecret("fe-account")));
  }

  /** Pod IP addressing, for an FE that resolves names to IPs. */
  static ComputeNodeGroupSpec ipMode() {
    return ComputeNodeGroups.create("ipgroup")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.2.11")
        .replicas(2)
        .addressMode(AddressMode.POD_IP)
        .registerWith(Frontend.at("10.0.0.5:9030").credentials(Credentials.of("root", "s3")));
  }

  /** A shared-data group in a warehouse, with a data cache volume and an HDFS core-site.xml. */
  static ComputeNodeGroupSpec warehouse() {
    return ComputeNodeGroups.create("etl")
        .inNamespace("tenant-a")
        .image("starrocks/cn-ubuntu:3.4.6")
        .replicas(3)
        .warehouse("etl_wh")
        .storage(
            StorageVolume.of("cache", "100Gi")
                .storageClass("fast-ssd")
                .mountPath("/opt/starrocks/cn/storage")
                .purpose(VolumePurpose.DATA))
        .configFile(
            "core-site.xml",
            "<configuration>\n  <property>\n    <name>fs.defaultFS</name>\n"
                + "    <value>hdfs://namenode:8020</value>\n  </property>\n</configuration>\n")
        .registerWith(
            Frontend.at("fe.tenant-a.svc:9030").credentials(Credentials.fromSecret("fe-account")));
  }

  /** Every field of the spec set. */
  static ComputeNodeGroupSpec full() {
    return ComputeNodeGroups.create("full")
        .inNamespace("data")
        .image("registry.example.com/starrocks/cn-ubuntu:3.5.2")
        .replicas(4)
        .resources(
            Resources.requests("2", "8Gi").limits("4", "8Gi").request("ephemeral-storage", "1Gi"))
        .config(Map.of("sys_log_level", "WARN", "mem_limit", "80%"))
        .env("TZ", "Asia/Shanghai")
        .env(
            new EnvVarBuilder()
                .withName("MY_SECRET")
                .withNewValueFrom()
                .withNewSecretKeyRef("token", "my-secret", false)
                .endValueFrom()
                .build())
        .nodeSelector("node.kubernetes.io/instance-type", "m5.2xlarge")
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
                .addToMatchLabels("app.kubernetes.io/instance", "full")
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
                .withNewLabelSelector()
                .addToMatchLabels("app.kubernetes.io/instance", "full")
                .endLabelSelector()
                .build())
        .podLabel("team", "analytics")
        .podAnnotation("prometheus.io/scrape", "true")
        .imagePullSecret("regcred")
        .serviceAccount("starrocks-cn")
        .securityContext(
            new PodSecurityContextBuilder()
                .withRunAsUser(1000L)
                .withRunAsGroup(1000L)
                .withFsGroup(1000L)
                .build())
        .imagePullPolicy("Always")
        .ports(Ports.defaults().heartbeat(19050).brpc(18060))
        .probes(Probes.defaults().startupFailureSeconds(600).livenessFailureSeconds(0))
        .terminationGracePeriod(Duration.ofSeconds(300))
        .logs(LogOutput.FILES)
        .storage(
            StorageVolume.of("cn-data", "200Gi").storageClass("gp3").purpose(VolumePurpose.DATA))
        .storage(StorageVolume.of("spill", "50Gi").purpose(VolumePurpose.SPILL))
        .storage(
            StorageVolume.of("cn-log", "20Gi")
                .mountPath("/opt/starrocks/cn/log")
                .purpose(VolumePurpose.LOGS))
        .storage(
            StorageVolume.of("scratch", "1Gi")
                .mountPath("/scratch")
                .purpose(VolumePurpose.MOUNT_ONLY))
        .cnVersion("3.5.2")
        .configFile("hdfs-site.xml", "<configuration/>\n")
        .clusterDomain("cluster.example")
        .command("/usr/bin/tini-static", "--", "/opt/starrocks/cn/bin/start_cn.sh")
        .args("--numa", "0")
        .autoscale(
            Autoscaling.between(2, 20)
                .onCpuAverage("3")
                .onMemory(70)
                .onMetric(
                    new MetricSpecBuilder()
                        .withType("Pods")
                        .withNewPods()
                        .withNewMetric()
                        .withName("queries_per_second")
                        .endMetric()
                        .withNewTarget()
                        .withType("AverageValue")
                        .withNewAverageValue("50")
                        .endTarget()
                        .endPods()
                        .build())
                .scaleUp(
                    ScalingRule.percent(100).every(Duration.ofSeconds(30)),
                    ScalingRule.pods(4).every(Duration.ofSeconds(60)))
                .scaleUpSelect(SelectPolicy.MAX)
                .scaleDown(ScalingRule.pods(1).every(Duration.ofSeconds(120)))
                .scaleDownStabilization(Duration.ofSeconds(600))
                .scaleDownSelect(SelectPolicy.MIN))
        .registerWith(
            Frontend.at("fe.data.svc.cluster.example:9030")
                .credentials(Credentials.fromSecret("fe-account").withKeys("user", "password")));
  }

  /**
   * A 3.3 CN before the draining graceful exit (plain {@code stop_cn.sh}) with a data and a spill
   * volume: {@code storage_root_path}, the 3.3 line's {@code datacache_*} paths, {@code
   * spill_local_storage_dir}.
   */
  static ComputeNodeGroupSpec cn33Data() {
    return ComputeNodeGroups.create("lake33")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.12")
        .replicas(2)
        .storage(StorageVolume.of("storage", "200Gi").purpose(VolumePurpose.DATA))
        .storage(StorageVolume.of("spill", "100Gi").purpose(VolumePurpose.SPILL));
  }

  /** A 4.x CN (tini ENTRYPOINT kept) writing log files to an emptyDir. */
  static ComputeNodeGroupSpec cn4LogFiles() {
    return ComputeNodeGroups.create("cn4")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:4.0.2")
        .replicas(3)
        .logs(LogOutput.FILES)
        .storage(StorageVolume.of("storage", "100Gi").purpose(VolumePurpose.DATA));
  }
}
