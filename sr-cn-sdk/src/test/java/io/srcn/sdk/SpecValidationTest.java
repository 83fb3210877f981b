package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of the spec and its nested values, with its exact path and message. */
class SpecValidationTest {
  private static final ComputeNodeGroupSpec BASE =
      ComputeNodeGroups.create("analytics").image("starrocks/cn-ubuntu:3.3.5");

  private static final String QTY =
      " must be a Kubernetes quantity such as 500m, 4, 16Gi or 1e9 (no sign, no spaces)";

  static Stream<Arguments> rules() {
    return Stream.of(
        // group name, namespace, image, replicas
        rule(
            "name not DNS-1035",
            () -> ComputeNodeGroups.create("Bad_Name"),
            "name",
            "'Bad_Name' must be a DNS-1035 label (start with a lower-case letter; letters, digits, '-')"),
        rule(
            "name starting with a digit",
            () -> ComputeNodeGroups.create("1abc"),
            "name",
            "'1abc' must be a DNS-1035 label (start with a lower-case letter; letters, digits, '-')"),
        rule(
            "name over 40",
            () -> ComputeNodeGroups.create("a".repeat(41)),
            "name",
            "'"
                + "a".repeat(41)
                + "' is 41 characters; at most 40 allowed, because longer names"
                + " break the labels Kubernetes puts on StatefulSet pods and controller revisions"
                + " (63 characters at most)"),
        rule("null name", () -> ComputeNodeGroups.create(null), "name", "must not be null"),
        rule(
            "namespace",
            () -> BASE.inNamespace("Star_Rocks"),
            "namespace",
            "'Star_Rocks' must be a DNS-1123 label (lower-case letters, digits and '-', at most 63)"),
        rule(
            "image syntax",
            () -> BASE.image("starrocks/cn ubuntu"),
            "image",
            "'starrocks/cn ubuntu' is not an image reference ([registry[:port]/]path[:tag][@digest])"),
        rule(
            "image required by validate()",
            () -> ComputeNodeGroups.create("g").validate(),
            "image",
            "is required"),
        rule("null image", () -> BASE.image(null), "image", "must not be null"),
        rule("replicas < 0", () -> BASE.replicas(-1), "replicas", "-1 must be in 0..1000"),
        rule("replicas > 1000", () -> BASE.replicas(1001), "replicas", "1001 must be in 0..1000"),
        // cn.conf
        rule(
            "config key syntax",
            () -> BASE.config("Sys-Log", "INFO"),
            "config",
            "key 'Sys-Log' must match [a-z0-9_.]+"),
        rule(
            "config port key",
            () -> BASE.config("brpc_port", "8061"),
            "config.brpc_port",
            "is a port: set ports with ports(...), not in cn.conf"),
        rule(
            "config line break",
            () -> BASE.config("sys_log_level", "INFO\nx=1"),
            "config.sys_log_level",
            "value 'INFO\\u000ax=1' must not contain line breaks (CR or LF)"),
        // env
        rule(
            "env name syntax",
            () -> BASE.env("1X", "v"),
            "env[0].name",
            "'1X' must be a C identifier [A-Za-z_][A-Za-z0-9_]*"),
        rule(
            "env reserved",
            () -> BASE.env("POD_IP", "v"),
            "env[0].name",
            "'POD_IP' is reserved: the SDK sets it"),
        rule(
            "env value and valueFrom",
            () ->
                BASE.env(
                    new EnvVarBuilder()
                        .withName("A")
                        .withValue("v")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("spec.nodeName")
                        .endFieldRef()
                        .endValueFrom()
                        .build()),
            "env[0].valueFrom",
            "may not be set together with a value"),
        rule(
            "env unknown field",
            () ->
                BASE.env(
                    new EnvVarBuilder()
                        .withName("A")
                        .withValue("v")
                        .addToAdditionalProperties("valu", "x")
                        .build()),
            "env[0].valu",
            "unknown field of EnvVar"),
        // scheduling
        rule(
            "node selector key",
            () -> BASE.nodeSelector("a b", "x"),
            "nodeSelector",
            "key 'a b' is not a valid label key"),
        rule(
            "node selector value",
            () -> BASE.nodeSelector("zone", "a b"),
            "nodeSelector.zone",
            "'a b' is not a valid label value (at most 63 letters, digits, '-', '_', '.')"),
        rule(
            "toleration operator",
            () ->
                BASE.toleration(new TolerationBuilder().withKey("k").withOperator("Maybe").build()),
            "tolerations[0].operator",
            "'Maybe' must be Exists or Equal"),
        rule(
            "toleration effect",
            () ->
                BASE.toleration(
                    new TolerationBuilder().withOperator("Exists").withEffect("Sometimes").build()),
            "tolerations[0].effect",
            "'Sometimes' must be NoSchedule, PreferNoSchedule or NoExecute"),
        rule(
            "toleration Exists with value",
            () ->
                BASE.toleration(
                    new TolerationBuilder()
                        .withKey("k")
                        .withOperator("Exists")
                        .withValue("v")
                        .build()),
            "tolerations[0].value",
            "must be empty when operator is Exists"),
        rule(
            "toleration Equal without key",
            () ->
                BASE.toleration(
                    new TolerationBuilder().withOperator("Equal").withValue("v").build()),
            "tolerations[0].key",
            "is required unless operator is Exists"),
        rule(
            "tolerationSeconds without NoExecute",
            () ->
                BASE.toleration(
                    new TolerationBuilder()
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .withTolerationSeconds(30L)
                        .build()),
            "tolerations[0].tolerationSeconds",
            "requires effect NoExecute"),
        rule(
            "affinity unknown field",
            () ->
                BASE.affinity(
                    new AffinityBuilder()
                        .withNewNodeAffinity()
                        .addToAdditionalProperties("preferred", 1)
                        .endNodeAffinity()
                        .build()),
            "affinity.nodeAffinity.preferred",
            "unknown field of NodeAffinity"),
        rule(
            "spread maxSkew",
            () -> BASE.topologySpread(spread("zone", "DoNotSchedule", 0)),
            "topologySpreadConstraints[0].maxSkew",
            "0 must be >= 1"),
        rule(
            "spread topologyKey",
            () -> BASE.topologySpread(spread(null, "DoNotSchedule", 1)),
            "topologySpreadConstraints[0].topologyKey",
            "null must be a label key"),
        rule(
            "spread whenUnsatisfiable",
            () -> BASE.topologySpread(spread("zone", "Never", 1)),
            "topologySpreadConstraints[0].whenUnsatisfiable",
            "'Never' must be DoNotSchedule or ScheduleAnyway"),
        rule(
            "spread repeated",
            () ->
                BASE.topologySpread(spread("zone", "DoNotSchedule", 1))
                    .topologySpread(spread("zone", "DoNotSchedule", 2)),
            "topologySpreadConstraints[1]",
            "repeats topologyKey and whenUnsatisfiable of an earlier constraint"),
        // pod metadata
        rule(
            "pod label key",
            () -> BASE.podLabel("-team", "a"),
            "podLabels",
            "key '-team' is not a valid label key"),
        rule(
            "pod label value",
            () -> BASE.podLabel("team", "x".repeat(64)),
            "podLabels.team",
            "'"
                + "x".repeat(64)
                + "' is not a valid label value (at most 63 letters, digits, '-',"
                + " '_', '.')"),
        rule(
            "standard label",
            () -> BASE.podLabel("app.kubernetes.io/instance", "other"),
            "podLabels.app.kubernetes.io/instance",
            "is a standard label set by the SDK"),
        rule(
            "annotation key",
            () -> BASE.podAnnotation("a/b/c", "x"),
            "podAnnotations",
            "key 'a/b/c' is not a qualified name"),
        rule(
            "reserved annotation",
            () -> BASE.podAnnotation("srcn.io/spec", "x"),
            "podAnnotations.srcn.io/spec",
            "the prefix srcn.io/ is reserved for the SDK"),
        // pod settings
        rule(
            "pull secret name",
            () -> BASE.imagePullSecret("Registry"),
            "imagePullSecrets",
            "'Registry' must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"),
        rule(
            "service account",
            () -> BASE.serviceAccount("cn_sa"),
            "serviceAccount",
            "'cn_sa' must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"),
        rule(
            "security context unknown field",
            () ->
                BASE.securityContext(
                    new PodSecurityContextBuilder()
                        .addToAdditionalProperties("runAsUsr", 1000)
                        .build()),
            "securityContext.runAsUsr",
            "unknown field of PodSecurityContext"),
        rule(
            "pull policy",
            () -> BASE.imagePullPolicy("Sometimes"),
            "imagePullPolicy",
            "'Sometimes' must be one of Always, IfNotPresent, Never"),
        rule(
            "grace period negative",
            () -> BASE.terminationGracePeriod(Duration.ofSeconds(-1)),
            "terminationGracePeriod",
            "PT-1S must be whole seconds, >= 0"),
        rule(
            "grace period fraction",
            () -> BASE.terminationGracePeriod(Duration.ofMillis(1500)),
            "terminationGracePeriod",
            "PT1.5S must be whole seconds, >= 0"),
        rule(
            "storage mount paths distinct",
            () ->
                BASE.storage(StorageVolume.of("a", "1Gi").mountPath("/data"))
                    .storage(StorageVolume.of("b", "1Gi").mountPath("/data")),
            "storage",
            "mount path '/data' is used by more than one volume"),
        rule(
            "cluster domain",
            () -> BASE.clusterDomain("Cluster.Local"),
            "clusterDomain",
            "'Cluster.Local' must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"),
        rule(
            "warehouse",
            () -> BASE.warehouse("1st-wh"),
            "warehouse",
            "'1st-wh' must be an identifier [A-Za-z_][A-Za-z0-9_]*"),
        rule(
            "null command element",
            () -> BASE.command("a", null),
            "command[1]",
            "must not be null"),
        // autoscaling
        rule(
            "min < 1",
            () -> Autoscaling.between(0, 10),
            "autoscaling.minReplicas",
            "0 must be in 1..1000"),
        rule(
            "max > 1000",
            () -> Autoscaling.between(1, 1001),
            "autoscaling.maxReplicas",
            "1001 must be in 1..1000"),
        rule(
            "min > max",
            () -> Autoscaling.between(12, 10),
            "autoscaling.minReplicas",
            "12 must be <= maxReplicas 10"),
        rule(
            "cpu utilization",
            () -> Autoscaling.between(1, 2).onCpu(101),
            "autoscaling.cpuUtilization",
            "101 must be in 1..100"),
        rule(
            "memory utilization",
            () -> Autoscaling.between(1, 2).onMemory(0),
            "autoscaling.memoryUtilization",
            "0 must be in 1..100"),
        rule(
            "cpu average value",
            () -> Autoscaling.between(1, 2).onCpuAverage("2 cores"),
            "autoscaling.cpuAverageValue",
            "'2 cores'" + QTY + ", greater than 0"),
        rule(
            "memory average value zero",
            () -> Autoscaling.between(1, 2).onMemoryAverage("0"),
            "autoscaling.memoryAverageValue",
            "'0'" + QTY + ", greater than 0"),
        rule(
            "utilization and value",
            () -> Autoscaling.between(1, 2).onCpu(60).onCpuAverage("2"),
            "autoscaling.cpuAverageValue",
            "conflicts with cpuUtilization 60: a resource has"
                + " either a utilization or an average value target, not both"),
        rule(
            "stabilization too long",
            () -> Autoscaling.between(1, 2).scaleUpStabilization(Duration.ofSeconds(3601)),
            "autoscaling.scaleUp.stabilizationWindow",
            "PT1H1S must be 0..3600 whole seconds"),
        rule(
            "stabilization negative",
            () -> Autoscaling.between(1, 2).scaleDownStabilization(Duration.ofSeconds(-5)),
            "autoscaling.scaleDown.stabilizationWindow",
            "PT-5S must be 0..3600 whole seconds"),
        rule(
            "custom Resource metric",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("Resource")
                            .withNewResource()
                            .withName("cpu")
                            .endResource()
                            .build()),
            "autoscaling.customMetrics[0].type",
            "Resource metrics are set with"
                + " onCpu/onMemory/onCpuAverage/onMemoryAverage, not as custom metrics"),
        rule(
            "metric type",
            () ->
                Autoscaling.between(1, 2).onMetric(new MetricSpecBuilder().withType("Foo").build()),
            "autoscaling.customMetrics[0].type",
            "'Foo' must be one of Pods, Object, External, ContainerResource"),
        rule(
            "metric source missing",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(new MetricSpecBuilder().withType("Pods").build()),
            "autoscaling.customMetrics[0].pods",
            "is required for a Pods metric"),
        rule(
            "metric with two sources",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(podsMetric("AverageValue").withNewExternal().endExternal().build()),
            "autoscaling.customMetrics[0]",
            "a metric of type Pods must set only 'pods'"),
        rule(
            "metric target type",
            () -> Autoscaling.between(1, 2).onMetric(podsMetric("Utilization").build()),
            "autoscaling.customMetrics[0].pods.target.type",
            "'Utilization' must be one of AverageValue"),
        rule(
            "metric name",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("External")
                            .withNewExternal()
                            .withNewMetric()
                            .endMetric()
                            .withNewTarget()
                            .withType("Value")
                            .withNewValue("10")
                            .endTarget()
                            .endExternal()
                            .build()),
            "autoscaling.customMetrics[0].external.metric.name",
            "the metric name is required"),
        rule(
            "object metric described object",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("Object")
                            .withNewObject()
                            .withNewMetric()
                            .withName("qps")
                            .endMetric()
                            .withNewTarget()
                            .withType("Value")
                            .withNewValue("10")
                            .endTarget()
                            .endObject()
                            .build()),
            "autoscaling.customMetrics[0].object.describedObject",
            "kind and name are required"),
        rule(
            "container resource container",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("ContainerResource")
                            .withNewContainerResource()
                            .withName("cpu")
                            .withNewTarget()
                            .withType("Utilization")
                            .withAverageUtilization(50)
                            .endTarget()
                            .endContainerResource()
                            .build()),
            "autoscaling.customMetrics[0].containerResource.container",
            "the container name is required"),
        rule(
            "utilization target",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("ContainerResource")
                            .withNewContainerResource()
                            .withName("cpu")
                            .withContainer("cn")
                            .withNewTarget()
                            .withType("Utilization")
                            .endTarget()
                            .endContainerResource()
                            .build()),
            "autoscaling.customMetrics[0].containerResource.target.averageUtilization",
            "null must be > 0"),
        // scaling rules
        rule("rule pods 0", () -> ScalingRule.pods(0), "rule.value", "0 must be in 1..1000"),
        rule(
            "rule percent 1001",
            () -> ScalingRule.percent(1001),
            "rule.value",
            "1001 must be in 1..1000"),
        rule(
            "rule period 0",
            () -> ScalingRule.pods(1).every(Duration.ZERO),
            "rule.period",
            "PT0S must be 1..1800 whole seconds"),
        rule(
            "rule period 1801",
            () -> ScalingRule.pods(1).every(Duration.ofSeconds(1801)),
            "rule.period",
            "PT30M1S must be 1..1800 whole seconds"),
        rule(
            "rule period fraction",
            () -> ScalingRule.pods(1).every(Duration.ofMillis(1500)),
            "rule.period",
            "PT1.5S must be 1..1800 whole seconds"),
        // resources
        rule(
            "request quantity",
            () -> Resources.requests("four", "16Gi"),
            "resources.requests.cpu",
            "'four'" + QTY),
        rule(
            "negative quantity",
            () -> Resources.none().limit("memory", "-1Gi"),
            "resources.limits.memory",
            "'-1Gi'" + QTY),
        rule(
            "resource name",
            () -> Resources.none().request("gpu count", "1"),
            "resources.requests",
            "resource name 'gpu count' is not a qualified name"),
        rule(
            "request over limit",
            () -> Resources.requests("8", "16Gi").limits("4", "16Gi"),
            "resources.requests.cpu",
            "8 exceeds the limit 4"),
        rule(
            "request over limit, binary vs decimal",
            () -> Resources.requests("500m", "2Gi").limits("1", "2G"),
            "resources.requests.memory",
            "2Gi exceeds the limit 2G"),
        // ports and probes
        rule(
            "port range",
            () -> Ports.defaults().withHeartbeat(0),
            "ports.heartbeat",
            "0 must be in 1..65535"),
        rule(
            "port above range",
            () -> Ports.defaults().withBrpc(65536),
            "ports.brpc",
            "65536 must be in 1..65535"),
        rule(
            "ports distinct",
            () -> Ports.defaults().withThrift(9050),
            "ports.thrift",
            "9050 is also the heartbeat port; the ports must be distinct"),
        rule(
            "probe negative",
            () -> Probes.defaults().withStartupFailureSeconds(-1),
            "probes.startupFailureSeconds",
            "-1 must be in 0..86400"),
        rule(
            "probe too long",
            () -> Probes.defaults().withReadinessFailureSeconds(86401),
            "probes.readinessFailureSeconds",
            "86401 must be in 0..86400"),
        // storage
        rule(
            "volume name",
            () -> StorageVolume.of("Data", "1Gi"),
            "storage.name",
            "'Data' must be a DNS-1123 label (lower-case letters, digits and '-', at most 63)"),
        rule(
            "volume size",
            () -> StorageVolume.of("data", "0"),
            "storage.size",
            "'0'" + QTY + ", greater than 0"),
        rule(
            "storage class",
            () -> StorageVolume.of("data", "1Gi").storageClass("Fast_SSD"),
            "storage.storageClass",
            "'Fast_SSD' must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"),
        rule(
            "mount path relative",
            () -> StorageVolume.of("data", "1Gi").mountPath("data"),
            "storage.mountPath",
            "'data' must be an absolute, normalized path"),
        rule(
            "mount path with ..",
            () -> StorageVolume.of("data", "1Gi").mountPath("/a/../b"),
            "storage.mountPath",
            "'/a/../b' must be an absolute, normalized path"),
        rule(
            "mount path on cn.conf",
            () -> StorageVolume.of("conf", "1Gi"),
            "storage.mountPath",
            "'/opt/starrocks/cn/conf' is where the SDK mounts cn.conf"),
        // credentials and frontend
        rule("empty user", () -> Credentials.of("", "x"), "credentials.user", "must not be empty"),
        rule(
            "null password",
            () -> Credentials.of("root", null),
            "credentials.password",
            "must not be null (use \"\" for none)"),
        rule(
            "secret name",
            () -> Credentials.fromSecret("FE_Account"),
            "credentials.secretName",
            "'FE_Account' must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"),
        rule(
            "secret key",
            () -> Credentials.fromSecret("fe").withKeys("user name", "pwd"),
            "credentials.userKey",
            "'user name' must consist of letters, digits, '-', '_' or '.'"),
        rule(
            "keys on literal",
            () -> Credentials.of("root", "").withKeys("U", "P"),
            "credentials.userKey",
            "Secret keys apply only to credentials read from a Secret"),
        rule(
            "connect timeout",
            () -> Frontend.at("fe:9030").withConnectTimeout(Duration.ZERO),
            "frontend.connectTimeout",
            "PT0S must be positive, in whole milliseconds"),
        rule(
            "query timeout precision",
            () -> Frontend.at("fe:9030").withQueryTimeout(Duration.ofNanos(1_500_000)),
            "frontend.queryTimeout",
            "PT0.0015S must be positive, in whole milliseconds"),
        rule(
            "duplicate FE addresses",
            () -> Frontend.at("fe:9030", "fe"),
            "frontend.addresses",
            "must not contain duplicates: [fe:9030, fe:9030]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsItsPathAndMessage(Supplier<?> build, String path, String message) {
    assertThatThrownBy(build::get)
        .isInstanceOf(InvalidSpecException.class)
        .isInstanceOf(CnSdkException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSpecException) e).violations())
                    .containsExactly(new Violation(path, message)))
        .hasMessageContaining(path + ": " + message);
  }

  @Test
  void theBaseOfTheTableIsValid() {
    assertThat(BASE.validate()).isSameAs(BASE);
    assertThat(Resources.requests("500m", "2Gi").limits("1", "2Gi").requests()).hasSize(2);
    assertThat(StorageVolume.of("data", "1Gi").mountPath("/data").mountPath()).isEqualTo("/data");
    assertThat(ComputeNodeGroups.create("a".repeat(40)).name()).hasSize(40);
  }

  @Test
  void validateReportsCompletenessTogetherWithTheOtherRules() {
    ComputeNodeGroupSpec spec = ComputeNodeGroups.create("g");
    assertThatThrownBy(spec::validate)
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).containsExactly(new Violation("image", "is required")));
  }

  private static Arguments rule(String name, Supplier<?> build, String path, String message) {
    return arguments(named(name, build), path, message);
  }

  private static io.fabric8.kubernetes.api.model.TopologySpreadConstraint spread(
      String key, String when, int skew) {
    return new TopologySpreadConstraintBuilder()
        .withTopologyKey(key)
        .withWhenUnsatisfiable(when)
        .withMaxSkew(skew)
        .build();
  }

  private static MetricSpecBuilder podsMetric(String targetType) {
    return new MetricSpecBuilder()
        .withType("Pods")
        .withNewPods()
        .withNewMetric()
        .withName("queue_depth")
        .endMetric()
        .withNewTarget()
        .withType(targetType)
        .withNewAverageValue("10")
        .endTarget()
        .endPods();
  }
}
