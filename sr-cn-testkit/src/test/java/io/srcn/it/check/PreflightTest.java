package io.srcn.it.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightCheck.Result;
import io.srcn.sdk.PreflightReport;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14, section 4: every preflight check on the testkit, passing and failing. */
@CnTestkit
class PreflightTest {
  private static ComputeNodeGroupSpec spec(Frontend fe, String image) {
    return ComputeNodeGroups.create("g")
        .inNamespace("ns")
        .image(image)
        .replicas(1)
        .registerWith(fe);
  }

  private static PreflightReport check(KubernetesClient client, ComputeNodeGroupSpec spec) {
    return ComputeNodeGroups.check(client, spec, CredentialsResolver.literalOnly());
  }

  private static PreflightCheck named(PreflightReport report, String name) {
    return report.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in\n" + report.toText()));
  }

  private static void createNamespace(KubernetesClient client) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("ns").endMetadata().build())
        .create();
  }

  @Test
  void everyCheckPassesOnTheTestkit(KubernetesClient client, FakeFrontend fe) {
    createNamespace(client);
    ComputeNodeGroupSpec spec =
        spec(fe.frontend(), "starrocks/cn-ubuntu:3.5.2")
            .autoscale(Autoscaling.between(1, 3).onCpu(60).onMemory(70));

    PreflightReport report = check(client, spec);

    assertThat(report.checks())
        .as(report.toText())
        .extracting(PreflightCheck::result)
        .containsOnly(Result.PASS);
    assertThat(report.passed()).isTrue();
    String fe0 = "fe " + fe.address();
    assertThat(report.checks())
        .extracting(PreflightCheck::name)
        .containsExactly(
            "kubernetes-api",
            "namespace",
            "rbac",
            "hpa-api",
            "metrics-api",
            "fe-credentials",
            fe0,
            fe0 + " node-privilege",
            fe0 + " host-mode",
            "image-version");
    assertThat(report.toText())
        .contains("PASS namespace: ns exists")
        .contains(
            "PASS rbac: all 46 permissions of ComputeNodeGroups.requiredRole are allowed in ns")
        .contains("PASS hpa-api: autoscaling/v2 is served")
        .contains("PASS metrics-api: metrics.k8s.io is served (metrics.k8s.io/v1beta1)")
        .contains("login works, StarRocks 3.3.5")
        .contains("user root may run ALTER SYSTEM ... COMPUTE NODE (NODE privilege)")
        .contains("FQDN mode")
        .contains("AUTO will register pod names");
    // the NODE probe changed nothing on the FE
    assertThat(fe.computeNodes()).isEmpty();
    assertThat(fe.statements())
        .extracting(StatementRecord::sql)
        .filteredOn(sql -> sql.startsWith("ALTER"))
        .containsExactly("ALTER SYSTEM DROP COMPUTE NODE '192.0.2.1:1'");
  }

  @Test
  void aMissingPermissionFailsNamingEachOne(
      KubernetesClient client, MockKubernetes k8s, Frontend fe) {
    k8s.denyAccess("create", "apps", "statefulsets");
    k8s.denyAccess("patch", "apps", "statefulsets/scale");
    k8s.denyAccess("*", "", "secrets");
    k8s.denyAccess("watch", "policy", "poddisruptionbudgets"); // the controller's informer

    PreflightCheck rbac = named(check(client, spec(fe, "starrocks/cn-ubuntu:3.5.2")), "rbac");

    assertThat(rbac.result()).isEqualTo(Result.FAIL);
    assertThat(rbac.reason())
        .isEqualTo(
            "4 of 46 permissions missing in ns: [get secrets, create statefulsets.apps,"
                + " patch statefulsets.apps/scale, watch poddisruptionbudgets.policy]");
    assertThat(rbac.fix())
        .contains( // the whole fix
            "bind the Role ComputeNodeGroups.requiredRole(\"ns\") returns (name sr-cn-sdk) to this"
                + " identity with a RoleBinding");

    k8s.allowAllAccess();
    assertThat(named(check(client, spec(fe, "starrocks/cn-ubuntu:3.5.2")), "rbac").result())
        .isEqualTo(Result.PASS);
  }

  @Test
  void noMetricsApiWarnsForCpuOrMemoryAutoscalingOnly(
      KubernetesClient client, MockKubernetes k8s, Frontend fe) {
    ComputeNodeGroupSpec cpu =
        spec(fe, "starrocks/cn-ubuntu:3.5.2").autoscale(Autoscaling.between(1, 3).onCpu(60));
    k8s.failNextRequests(1, 404, "get", "/apis/metrics.k8s.io");

    PreflightCheck metrics = named(check(client, cpu), "metrics-api");

    assertThat(metrics.result()).isEqualTo(Result.WARN);
    assertThat(metrics.reason())
        .isEqualTo("metrics.k8s.io is not served: an HPA on CPU or memory never scales without it");
    assertThat(metrics.fix()).hasValueSatisfying(f -> assertThat(f).contains("metrics-server"));

    ComputeNodeGroupSpec none = spec(fe, "starrocks/cn-ubuntu:3.5.2");
    assertThat(check(client, none).checks())
        .extracting(PreflightCheck::name)
        .doesNotContain("hpa-api", "metrics-api");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'v2,v1',PASS", "'v2beta2,v1',WARN", "v1,FAIL"})
  void theHpaApiVersionServed(String versions, Result expected) {
    try (FakeFrontend fe = FakeFrontend.create().start();
        MockKubernetes k8s =
            MockKubernetes.builder().autoscalingVersions(versions.split(",")).build().start()) {
      ComputeNodeGroupSpec spec =
          spec(fe.frontend(), "starrocks/cn-ubuntu:3.5.2")
              .autoscale(Autoscaling.between(1, 3).onCpu(60));

      PreflightCheck hpa = named(check(k8s.client(), spec), "hpa-api");

      assertThat(hpa.result()).as(hpa.toString()).isEqualTo(expected);
      assertThat(hpa.fix().isPresent()).isEqualTo(expected != Result.PASS);
    }
  }

  @Test
  void aUserWithoutTheNodePrivilegeFails(KubernetesClient client, FakeFrontend fe) {
    fe.addUser("viewer", "s3cret-pw", false);

    PreflightReport report = check(client, spec(fe.frontend("viewer"), "x/cn:3.5.2"));

    assertThat(named(report, "fe " + fe.address()).result()).isEqualTo(Result.PASS);
    PreflightCheck node = named(report, "fe " + fe.address() + " node-privilege");
    assertThat(node.result()).isEqualTo(Result.FAIL);
    assertThat(node.reason())
        .startsWith("user viewer may not run ALTER SYSTEM ... COMPUTE NODE: ")
        .contains("NODE privilege(s) on SYSTEM");
    assertThat(node.fix())
        .hasValueSatisfying(
            f -> assertThat(f).startsWith("GRANT NODE ON SYSTEM TO USER 'viewer'@'%'"));
    assertThat(report.passed()).isFalse();
    assertThat(report.toText()).doesNotContain("s3cret-pw");
  }

  @Test
  void theCredentialsSecretMustExistWithBothKeys(KubernetesClient client, FakeFrontend fe) {
    createNamespace(client);
    fe.addUser("svc", "pw-from-secret-1", true);
    Frontend viaSecret =
        Frontend.at(List.of(fe.address())).credentials(Credentials.fromSecret("fe-account"));
    ComputeNodeGroupSpec spec = spec(viaSecret, "x/cn:3.5.2");
    CredentialsResolver resolver = CredentialsResolver.kubernetes(client);

    PreflightReport missing = ComputeNodeGroups.check(client, spec, resolver);

    PreflightCheck creds = named(missing, "fe-credentials");
    assertThat(creds.result()).isEqualTo(Result.FAIL);
    assertThat(creds.reason()).contains("fe-account");
    assertThat(creds.fix()).contains("create the Secret with both keys");
    assertThat(missing.checks())
        .extracting(PreflightCheck::name)
        .noneMatch(n -> n.startsWith("fe " + fe.address()));

    client
        .secrets()
        .inNamespace("ns")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("fe-account")
                .endMetadata()
                .addToStringData("FE_USR", "svc")
                .addToStringData("FE_PWD", "pw-from-secret-1")
                .build())
        .create();
    PreflightReport present = ComputeNodeGroups.check(client, spec, resolver);

    assertThat(named(present, "fe-credentials").reason())
        .isEqualTo("resolved (user svc; the password is not shown)");
    assertThat(named(present, "fe " + fe.address() + " node-privilege").result())
        .isEqualTo(Result.PASS);
    assertThat(present.passed()).as(present.toText()).isTrue();
    assertThat(present.toText() + missing.toText()).doesNotContain("pw-from-secret-1");
  }

  @Test
  void anIpModeFeSaysWhatAutoWillRegister(KubernetesClient client) {
    try (FakeFrontend fe = FakeFrontend.builder().mode(FeMode.IP).build().start()) {
      PreflightCheck mode =
          named(
              check(client, spec(fe.frontend(), "x/cn:3.5.2")),
              "fe " + fe.address() + " host-mode");

      assertThat(mode.result()).isEqualTo(Result.PASS);
      assertThat(mode.reason())
          .startsWith("IP mode (leader 127.0.0.1)")
          .contains("AUTO will register pod IPs");
    }
  }

  @ParameterizedTest(name = "{0} multiWarehouse={1}")
  @CsvSource({
    "V3_0,false,FAIL,has no INTO WAREHOUSE clause; wh_etl cannot be used",
    "V3_3,false,FAIL,has no INTO WAREHOUSE clause; wh_etl cannot be used",
    "V3_4,false,FAIL,has no warehouse wh_etl (probe ALTER SYSTEM DROP COMPUTE NODE",
    "V3_5,false,FAIL,Warehouse name: wh_etl not exist.",
    "LATEST,false,FAIL,Warehouse name: wh_etl not exist.",
    "V3_4,true,PASS,has warehouse wh_etl",
    "LATEST,true,PASS,has warehouse wh_etl"
  })
  void aWarehouseAgainstTheFe(
      FeVersion version,
      boolean multiWarehouse,
      Result expected,
      String reason,
      KubernetesClient client) {
    try (FakeFrontend fe =
        FakeFrontend.builder()
            .version(version)
            .sharedData(true)
            .multiWarehouse(multiWarehouse)
            .build()
            .start()) {
      if (multiWarehouse) {
        fe.warehouses().create("wh_etl");
      }
      ComputeNodeGroupSpec spec = spec(fe.frontend(), "x/cn:3.5.2").warehouse("wh_etl");

      PreflightCheck wh = named(check(client, spec), "fe " + fe.address() + " warehouse");

      assertThat(wh.result()).as(wh.toString()).isEqualTo(expected);
      assertThat(wh.reason()).startsWith("StarRocks " + version.release()).contains(reason);
      // the probe changed nothing
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void theDefaultWarehouseNeedsNoCheck(KubernetesClient client, FakeFrontend fe) {
    ComputeNodeGroupSpec spec = spec(fe.frontend(), "x/cn:3.5.2").warehouse("default_warehouse");

    assertThat(check(client, spec).checks())
        .extracting(PreflightCheck::name)
        .noneMatch(n -> n.endsWith(" warehouse"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "starrocks/cn-ubuntu:3.3.16,WARN",
    "starrocks/cn-ubuntu:3.3.17,PASS",
    "starrocks/cn-ubuntu:3.4.5,WARN",
    "starrocks/cn-ubuntu:3.4.6,PASS",
    "starrocks/cn-ubuntu:3.5.1,WARN",
    "starrocks/cn-ubuntu:3.5.2,PASS",
    "starrocks/cn-ubuntu:4.0.0,PASS",
    "starrocks/cn-ubuntu:latest,WARN"
  })
  void theImageVersionAgainstTheGracefulPreStop(
      String image, Result expected, KubernetesClient client, Frontend fe) {
    PreflightCheck img = named(check(client, spec(fe, image)), "image-version");

    assertThat(img.result()).as(img.toString()).isEqualTo(expected);
  }

  @Test
  void whatCannotWorkFailsWithAFix(KubernetesClient client, Frontend fe) {
    Frontend unreachable =
        Frontend.at(List.of(HostPort.of("127.0.0.1", 1)))
            .credentials(fe.credentials())
            .connectTimeout(Duration.ofMillis(200));

    PreflightReport report = check(client, spec(unreachable, "starrocks/cn-ubuntu:3.3.5"));

    assertThat(report.passed()).isFalse();
    assertThat(named(report, "namespace").fix()).contains("kubectl create namespace ns");
    assertThat(named(report, "fe 127.0.0.1:1").result()).isEqualTo(Result.FAIL);
    assertThat(named(report, "image-version").result()).isEqualTo(Result.WARN);
  }

  @Test
  void anUnreachableApiServerFailsAndSkipsTheKubernetesChecks(Frontend fe) {
    MockKubernetes k8s = MockKubernetes.create().start();
    KubernetesClient client = k8s.newClient();
    k8s.stop();
    try (client) {
      PreflightReport report = check(client, spec(fe, "x/cn:3.5.2"));

      assertThat(named(report, "kubernetes-api").result()).isEqualTo(Result.FAIL);
      assertThat(report.checks())
          .extracting(PreflightCheck::name)
          .doesNotContain("namespace", "rbac")
          .contains("fe-credentials");
    }
  }
}
