package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.InvalidSpecException.Violation;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading spec documents: defaults, lenient scalars, and every problem named by its path. */
class SpecYamlTest {
  private static final String HEADER =
      """
      apiVersion: srcn.io/v1
      kind: ComputeNodeGroup
      """;

  @Test
  void aMinimalHandWrittenDocumentGetsTheDefaults() {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroupSpec.fromYaml(
            new StringReader(HEADER + "metadata: {name: analytics}\nspec: {image: cn:1}\n"));
    assertThat(spec).isEqualTo(ComputeNodeGroups.create("analytics").image("cn:1"));
    assertThat(ComputeNodeGroupSpec.fromYaml(HEADER + "metadata: {name: g}\n"))
        .isEqualTo(ComputeNodeGroups.create("g"));
  }

  @Test
  void unquotedNumbersAreAcceptedWhereKubernetesUsersWriteThem() {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroupSpec.fromYaml(
            HEADER
                + """
                metadata: {name: g}
                spec:
                  resources: {requests: {cpu: 0.5, memory: 1e9}, limits: {cpu: 4}}
                  config: {max_x: 100, enable_y: true}
                  podAnnotations: {ratio: 1.25}
                  storage: [{name: data, size: 100, purpose: DATA}]
                """);
    assertThat(spec.resources())
        .isEqualTo(Resources.requests("0.5", "1000000000").limit("cpu", "4"));
    assertThat(spec.config()).containsEntry("max_x", "100").containsEntry("enable_y", "true");
    assertThat(spec.podAnnotations()).containsEntry("ratio", "1.25");
    assertThat(spec.storage())
        .containsExactly(StorageVolume.of("data", "100").purpose(VolumePurpose.DATA));
  }

  @Test
  void everyProblemOfADocumentIsNamedAtOnce() {
    String doc =
        HEADER
            + """
            extra: 1
            metadata: {name: Analytics, namespace: star_rocks, labels: {a: b}}
            spec:
              image: 42
              replicas: "3"
              imagePullPolicy: Sometimes
              autoscaling:
                minReplicas: 12
                maxReplicas: 10
                cpuUtilization: 60
                cpuAverageValue: 2
                targetCPU: 5
                scaleUp:
                  selectPolicy: Maximum
                  rules: [{type: Pods, value: 0, periodSeconds: 10, extra: x}, {value: 1}]
                  stabilizationWindowSeconds: 4000
              frontend:
                addresses: ["fe-0:9030", "bad host:1", 7]
                credentials: {user: root, password: hunter2}
                connectTimeoutMillis: 0
                tlsMode: ON
              resources: {requests: {cpu: 8}, limits: {cpu: 4, memory: [1]}}
              config: {Bad: x, brpc_port: 1, ok: [1]}
              env: [{name: POD_IP, value: x}, {name: A, valu: y}, {name: A}]
              tolerations: [{efect: NoSchedule, operator: Exists}, {key: k, tolerationSeconds: abc}]
              affinity: []
              ports: {heartbeat: 9060, grpc: 1}
              probes: {startupFailureSeconds: -1}
              terminationGracePeriodSeconds: 1.5
              storage: [{name: Data, size: 0}, {size: 1Gi}, {name: x, size: 1Gi, mountPath: rel}]
              addressMode: IP
              command: "start.sh"
              args: [1]
            """;
    assertThatThrownBy(() -> ComputeNodeGroupSpec.fromYaml(doc))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .containsExactlyInAnyOrder(
                        v("extra", "unknown field"),
                        v("metadata.labels", "unknown field"),
                        v(
                            "metadata.name",
                            "'Analytics' must be a DNS-1035 label (start with a"
                                + " lower-case letter; letters, digits, '-')"),
                        v(
                            "metadata.namespace",
                            "'star_rocks' must be a DNS-1123 label"
                                + " (lower-case letters, digits and '-', at most 63)"),
                        v("spec.image", "must be a string, not the number 42"),
                        v("spec.replicas", "must be an integer, not a string"),
                        v(
                            "spec.imagePullPolicy",
                            "'Sometimes' must be one of Always, IfNotPresent, Never"),
                        v("spec.autoscaling.minReplicas", "12 must be <= maxReplicas 10"),
                        v(
                            "spec.autoscaling.cpuAverageValue",
                            "conflicts with cpuUtilization 60:"
                                + " a resource has either a utilization or an average value target,"
                                + " not both"),
                        v("spec.autoscaling.targetCPU", "unknown field"),
                        v(
                            "spec.autoscaling.scaleUp.selectPolicy",
                            "'Maximum' must be one of Max, Min, Disabled"),
                        v("spec.autoscaling.scaleUp.rules[0].extra", "unknown field"),
                        v("spec.autoscaling.scaleUp.rules[0].value", "0 must be in 1..1000"),
                        v("spec.autoscaling.scaleUp.rules[1].type", "is required"),
                        v(
                            "spec.autoscaling.scaleUp.stabilizationWindowSeconds",
                            "PT1H6M40S must be 0..3600 whole seconds"),
                        v(
                            "spec.frontend.addresses[1]",
                            "invalid address 'bad host:1': invalid"
                                + " host 'bad host': expected a DNS name, IPv4 or IPv6 address"),
                        v(
                            "spec.frontend.addresses[2]",
                            "must be a string host[:port], not the number 7"),
                        v(
                            "spec.frontend.credentials.password",
                            "literal passwords are never"
                                + " read from documents: use secretName, or a CredentialsResolver"),
                        v(
                            "spec.frontend.tlsMode",
                            "'ON' must be one of DISABLED, PREFERRED,"
                                + " REQUIRED, VERIFY_CA, VERIFY_IDENTITY"),
                        v(
                            "spec.frontend.connectTimeoutMillis",
                            "PT0S must be positive, in whole milliseconds"),
                        v(
                            "spec.resources.limits.memory",
                            "must be a scalar (string or number), not a list"),
                        v("spec.resources.requests.cpu", "8 exceeds the limit 4"),
                        v("spec.config.ok", "must be a scalar (string or number), not a list"),
                        v("spec.config", "key 'Bad' must match [a-z0-9_.]+"),
                        v(
                            "spec.config.brpc_port",
                            "is a port: set ports with ports(...), not in cn.conf"),
                        v("spec.env[0].name", "'POD_IP' is reserved: the SDK sets it"),
                        v("spec.env[1].valu", "unknown field of EnvVar"),
                        v("spec.env[2].name", "'A' appears more than once"),
                        v("spec.tolerations[0].efect", "unknown field of Toleration"),
                        v(
                            "spec.tolerations[1].tolerationSeconds",
                            "cannot be read as Toleration:"
                                + " Cannot deserialize value of type `java.lang.Long` from String"
                                + " \"abc\": not a valid `java.lang.Long` value"),
                        v(
                            "spec.affinity",
                            "cannot be read as Affinity: Cannot deserialize value"
                                + " of type `io.fabric8.kubernetes.api.model.Affinity` from Array"
                                + " value (token `JsonToken.START_ARRAY`)"),
                        v("spec.ports.grpc", "unknown field"),
                        v(
                            "spec.ports.thrift",
                            "9060 is also the heartbeat port; the ports must be distinct"),
                        v("spec.probes.startupFailureSeconds", "-1 must be in 0..86400"),
                        v(
                            "spec.terminationGracePeriodSeconds",
                            "must be an integer, not the number 1.5"),
                        v(
                            "spec.storage[0].name",
                            "'Data' must be a DNS-1123 label (lower-case"
                                + " letters, digits and '-', at most 63)"),
                        v(
                            "spec.storage[0].size",
                            "'0' must be a Kubernetes quantity such as"
                                + " 500m, 4, 16Gi or 1e9 (no sign, no spaces), greater than 0"),
                        v("spec.storage[1].name", "is required"),
                        v(
                            "spec.storage[2].mountPath",
                            "'rel' must be an absolute, normalized path"),
                        v("spec.addressMode", "'IP' must be one of AUTO, FQDN, POD_IP"),
                        v("spec.command", "must be a list, not a string"),
                        v("spec.args[0]", "must be a string, not the number 1")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void documentsThatAreNotSpecsAreRejectedWithTheReason() {
    assertThat(problem("")).isEqualTo(v("document", "is empty"));
    assertThat(problem("- a\n- b"))
        .isEqualTo(v("document", "must be a mapping with apiVersion, kind, metadata and spec"));
    assertThat(problem("a: [1").message())
        .startsWith("is not valid YAML or JSON: while parsing a flow sequence")
        .contains("line 1, column 4");
    assertThat(problem("a: 1\na: 2").message()).contains("found duplicate key a");
    assertThat(
            problem(
                "apiVersion: starrocks.com/v1alpha1\nkind: ComputeNodeGroup\nmetadata: {name: g}"))
        .isEqualTo(
            v(
                "apiVersion",
                "'starrocks.com/v1alpha1' is a legacy manifest: read it with"
                    + " ComputeNodeGroups.fromLegacyManifest"));
    assertThat(problem("apiVersion: v1\nkind: ComputeNodeGroup\nmetadata: {name: g}").path())
        .isEqualTo("apiVersion");
    assertThat(problem(HEADER + "spec: {}")).isEqualTo(v("metadata.name", "is required"));
    assertThat(problem(HEADER + "metadata: {name: g}\nspec: [1]"))
        .isEqualTo(v("spec", "must be a mapping, not a list"));
  }

  @Test
  void credentialsAreReadAsSecretReferencesOrAsAUserWithoutPassword() {
    String fe =
        HEADER + "metadata: {name: g}\nspec:\n  frontend:\n    addresses: [fe]\n    credentials: ";
    assertThat(
            ComputeNodeGroupSpec.fromYaml(fe + "{secretName: fe-account, userKey: U}")
                .frontend()
                .orElseThrow()
                .credentials())
        .isEqualTo(Credentials.fromSecret("fe-account").withKeys("U", "FE_PWD"));
    assertThat(
            ComputeNodeGroupSpec.fromYaml(fe + "{user: admin}")
                .frontend()
                .orElseThrow()
                .credentials())
        .isEqualTo(Credentials.redacted("admin"));
    assertThat(problem(fe + "{}"))
        .isEqualTo(
            v(
                "spec.frontend.credentials",
                "needs secretName (a Secret with the user and password) or user"));
    assertThat(problem(fe + "{secretName: s, user: u}"))
        .isEqualTo(v("spec.frontend.credentials.user", "a Secret reference has no literal user"));
  }

  @Test
  void durationsAreWholeSecondsFieldsAndTimeoutsMilliseconds() {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroups.create("g")
            .terminationGracePeriod(Duration.ofSeconds(30))
            .registerWith(Frontend.at("fe").connectTimeout(Duration.ofMillis(250)))
            .autoscale(Autoscaling.between(1, 2).scaleDownStabilization(Duration.ofMinutes(5)));
    assertThat(spec.toYaml())
        .contains("terminationGracePeriodSeconds: 30")
        .contains("connectTimeoutMillis: 250")
        .contains("stabilizationWindowSeconds: 300");
  }

  private static Violation problem(String doc) {
    try {
      ComputeNodeGroupSpec.fromYaml(doc);
    } catch (InvalidSpecException e) {
      assertThat(e.violations()).hasSize(1);
      return e.violations().get(0);
    }
    throw new AssertionError("accepted: " + doc);
  }

  private static Violation v(String path, String message) {
    return new Violation(path, message);
  }

  @Test
  void aVolumeStoredBeforePurposesExistedReadsAsMountOnlyFromTheAnnotation() {
    String stored =
        "{\"apiVersion\":\"srcn.io/v1\",\"kind\":\"ComputeNodeGroup\",\"metadata\":{\"name\":\"old\","
            + "\"namespace\":\"default\"},\"spec\":{\"image\":\"starrocks/cn-ubuntu:3.3.5\","
            + "\"storage\":[{\"mountPath\":\"/opt/starrocks/cn/cn-data\",\"name\":\"cn-data\","
            + "\"size\":\"10Gi\"}]}}";
    assertThat(ComputeNodeGroupSpec.fromCanonicalJson(stored).storage())
        .containsExactly(StorageVolume.of("cn-data", "10Gi").purpose(VolumePurpose.MOUNT_ONLY));
    // a document written by hand gets the rule: the volume must say what it is for
    assertThatThrownBy(() -> ComputeNodeGroupSpec.fromYaml(stored))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("storage[cn-data].purpose");
  }
}
