package io.srcn.sdk;

import static io.srcn.sdk.ValidationCases.rule;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of resources, ports, probes, storage, credentials and the FE. */
class ValueValidationTest {
  private static final String QTY = ValidationCases.QTY;

  static Stream<Arguments> rules() {
    return Stream.of(
        rule(
            "null request",
            () -> Resources.requests(null, "1Gi"),
            "resources.requests.cpu",
            "must not be null"),
        rule(
            "null volume name",
            () -> StorageVolume.of(null, "1Gi"),
            "storage.name",
            "must not be null"),
        rule(
            "null rule period",
            () -> ScalingRule.pods(1).every(null),
            "rule.period",
            "must not be null"),
        rule(
            "null secret name",
            () -> Credentials.fromSecret(null),
            "credentials.secretName",
            "must not be null"),
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
            () -> Ports.defaults().heartbeat(0),
            "ports.heartbeat",
            "0 must be in 1..65535"),
        rule(
            "port above range",
            () -> Ports.defaults().brpc(65536),
            "ports.brpc",
            "65536 must be in 1..65535"),
        rule(
            "ports distinct",
            () -> Ports.defaults().thrift(9050),
            "ports.thrift",
            "9050 is also the heartbeat port; the ports must be distinct"),
        rule(
            "probe negative",
            () -> Probes.defaults().startupFailureSeconds(-1),
            "probes.startupFailureSeconds",
            "-1 must be in 0..86400"),
        rule(
            "probe too long",
            () -> Probes.defaults().readinessFailureSeconds(86401),
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
            "'/opt/starrocks/cn/conf' is where the SDK mounts cn.conf (/opt/starrocks/cn/conf/cn.conf)"),
        rule(
            "mount path over the CN home",
            () -> StorageVolume.of("data", "1Gi").mountPath("/opt/starrocks"),
            "storage.mountPath",
            "'/opt/starrocks' would hide the CN installation at /opt/starrocks/cn"),
        rule(
            "volume name of cn.conf",
            () -> StorageVolume.of("cn-config", "1Gi").mountPath("/config"),
            "storage.name",
            "'cn-config' is reserved for a volume the SDK adds itself"),
        rule(
            "volume name of the log emptyDir",
            () -> StorageVolume.of("cn-logs", "1Gi"),
            "storage.name",
            "'cn-logs' is reserved for a volume the SDK adds itself"),
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
            () -> Frontend.at("fe:9030").connectTimeout(Duration.ZERO),
            "frontend.connectTimeout",
            "PT0S must be positive, in whole milliseconds"),
        rule(
            "query timeout precision",
            () -> Frontend.at("fe:9030").queryTimeout(Duration.ofNanos(1_500_000)),
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
    ValidationCases.assertViolation(build, path, message);
  }
}
