package io.srcn.sdk;

import static io.srcn.sdk.ValidationCases.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of the spec itself, with its exact path and message. */
class SpecValidationTest {
  private static final ComputeNodeGroupSpec BASE =
      ComputeNodeGroups.create("analytics").image("starrocks/cn-ubuntu:3.3.5");

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
                BASE.storage(
                        StorageVolume.of("a", "1Gi")
                            .mountPath("/data")
                            .purpose(VolumePurpose.MOUNT_ONLY))
                    .storage(
                        StorageVolume.of("b", "1Gi")
                            .mountPath("/data")
                            .purpose(VolumePurpose.MOUNT_ONLY)),
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
        // volumes, logs, args, version, extra files (ContainerRules)
        rule(
            "a volume nothing uses",
            () -> BASE.storage(StorageVolume.of("cn-data", "10Gi")),
            "storage[cn-data].purpose",
            "volume 'cn-data' has no purpose and no cn.conf entry refers to its mount path"
                + " /opt/starrocks/cn/cn-data, so the CN would not use it; set purpose(DATA),"
                + " SPILL, LOGS or MOUNT_ONLY"),
        rule(
            "a LOGS volume while logs go to the console",
            () -> BASE.storage(StorageVolume.of("log", "1Gi").purpose(VolumePurpose.LOGS)),
            "storage[log].purpose",
            "LOGS needs logs(LogOutput.FILES): with CONSOLE the CN writes no log files"),
        rule(
            "two SPILL volumes",
            () ->
                BASE.storage(StorageVolume.of("s1", "1Gi").purpose(VolumePurpose.SPILL))
                    .storage(StorageVolume.of("s2", "1Gi").purpose(VolumePurpose.SPILL)),
            "storage",
            "at most one volume may have purpose SPILL; found [s1, s2]"),
        rule(
            "storage_root_path set by hand beside a DATA volume",
            () ->
                BASE.config("storage_root_path", "/x")
                    .storage(StorageVolume.of("data", "1Gi").purpose(VolumePurpose.DATA)),
            "config.storage_root_path",
            "is written by the SDK from the storage volumes' purposes and logs(); remove it here"),
        rule(
            "a volume where the log emptyDir goes",
            () ->
                BASE.storage(StorageVolume.of("log", "1Gi").purpose(VolumePurpose.MOUNT_ONLY))
                    .logs(LogOutput.FILES),
            "storage[log].mountPath",
            "logs(FILES) without a LOGS volume puts an emptyDir at /opt/starrocks/cn/log; give this"
                + " volume purpose(LOGS) or another mount path"),
        rule(
            "--daemon",
            () -> BASE.args("--logconsole", "--daemon"),
            "args[1]",
            "--daemon makes start_cn.sh run the CN in the background and return, so the container"
                + " would exit and the pod crash-loop; the SDK runs the CN in the foreground"),
        rule(
            "--logconsole with log files",
            () -> BASE.logs(LogOutput.FILES).args("--logconsole"),
            "args[0]",
            "--logconsole sends the logs to the console, but logs(FILES) is set; use logs(CONSOLE)"),
        rule(
            "cnVersion not X.Y.Z",
            () -> BASE.cnVersion("3.5"),
            "cnVersion",
            "'3.5' must be a version X.Y.Z, e.g. 3.5.2"),
        rule(
            "an extra file named cn.conf",
            () -> BASE.configFile("cn.conf", "x = 1"),
            "configFiles.cn.conf",
            "is rendered from config(...) and ports(...); set its entries there"),
        rule(
            "an extra file name with a slash",
            () -> BASE.configFile("../core-site.xml", "x"),
            "configFiles",
            "file name '../core-site.xml' must be 1-253 letters, digits, '-', '_' or '.', not"
                + " starting with '.'"),
        rule(
            "extra files too large for the ConfigMap",
            () -> BASE.configFile("big.xml", "x".repeat(1024 * 1024)),
            "configFiles",
            "hold 1048576 bytes; at most 921600 fit in the group's ConfigMap (1 MiB with cn.conf)"),
        rule(
            "null command element",
            () -> BASE.command("a", null),
            "command[1]",
            "must not be null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsItsPathAndMessage(Supplier<?> build, String path, String message) {
    ValidationCases.assertViolation(build, path, message);
  }

  @Test
  void theBaseOfTheTableIsValid() {
    assertThat(BASE.validate()).isSameAs(BASE);
    assertThat(Resources.requests("500m", "2Gi").limits("1", "2Gi").requests()).hasSize(2);
    assertThat(StorageVolume.of("data", "1Gi").mountPath("/data").mountPath()).isEqualTo("/data");
    // a volume without purpose is fine when a cn.conf entry points at it (the user wired it)
    assertThat(
            BASE.config("spill_local_storage_dir", "/data/spill")
                .storage(StorageVolume.of("data", "1Gi").mountPath("/data"))
                .storage())
        .hasSize(1);
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

  private static io.fabric8.kubernetes.api.model.TopologySpreadConstraint spread(
      String key, String when, int skew) {
    return new TopologySpreadConstraintBuilder()
        .withTopologyKey(key)
        .withWhenUnsatisfiable(when)
        .withMaxSkew(skew)
        .build();
  }
}
