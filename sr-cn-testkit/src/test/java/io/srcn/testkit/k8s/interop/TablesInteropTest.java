package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 10: {@code kubectl get} shows the columns of kubernetes
 * pkg/printers/internalversion/printers.go for the kinds the SDK uses (the server answers {@code
 * as=Table}).
 */
class TablesInteropTest extends MockServerInterop {

  @BeforeEach
  void setUp() {
    KubernetesClient c = k8s.client();
    c.resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("cn-search")
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .addToSelector("app", "cn")
                .addNewPort()
                .withName("heartbeat")
                .withPort(9050)
                .endPort()
                .addNewPort()
                .withName("http")
                .withPort(8040)
                .endPort()
                .endSpec()
                .build())
        .inNamespace("default")
        .create();
    c.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cn-conf")
                .endMetadata()
                .addToData("cn.conf", "x")
                .addToData("log", "y")
                .build())
        .inNamespace("default")
        .create();
    c.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("fe-root")
                .endMetadata()
                .addToStringData("password", "pw")
                .build())
        .inNamespace("default")
        .create();
    c.resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("cn")
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector()
                .addToMatchLabels("app", "cn")
                .endSelector()
                .endSpec()
                .build())
        .inNamespace("default")
        .create();
    c.resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName("leader")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("controller-1")
                .endSpec()
                .build())
        .inNamespace("default")
        .create();
    c.resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("e1")
                .endMetadata()
                .withType("Normal")
                .withReason("SuccessfulCreate")
                .withMessage("create Pod cn-0 in StatefulSet cn successful")
                .withInvolvedObject(
                    new ObjectReferenceBuilder().withKind("StatefulSet").withName("cn").build())
                .withLastTimestamp(java.time.Instant.now().toString())
                .build())
        .inNamespace("default")
        .create();
  }

  private List<List<String>> table(String... args) throws Exception {
    Clients.Result r = Clients.run(Clients.kubectl(kubeconfig, args));
    assertThat(r.exit()).as(r.output()).isZero();
    // ages of objects made a moment ago read "3s" or so: compared as "<age>"
    return r.output()
        .lines()
        .map(
            l ->
                Arrays.stream(l.trim().split("\\s{2,}"))
                    .map(cell -> cell.matches("\\d+s") ? AGE : cell)
                    .toList())
        .toList();
  }

  @Test
  void servicesConfigMapsAndSecrets() throws Exception {
    assertThat(table("get", "svc", "cn-search"))
        .containsExactly(
            List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"),
            List.of("cn-search", "ClusterIP", "None", "<none>", "9050/TCP,8040/TCP", age()));
    assertThat(table("get", "svc", "cn-search", "-o", "wide").get(0))
        .containsExactly("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR");
    assertThat(table("get", "cm", "cn-conf"))
        .containsExactly(List.of("NAME", "DATA", "AGE"), List.of("cn-conf", "2", age()));
    assertThat(table("get", "secret", "fe-root"))
        .containsExactly(
            List.of("NAME", "TYPE", "DATA", "AGE"), List.of("fe-root", "Opaque", "1", age()));
  }

  @Test
  void pdbsLeasesAndEvents() throws Exception {
    assertThat(table("get", "pdb", "cn"))
        .containsExactly(
            List.of("NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"),
            List.of("cn", "N/A", "1", "0", age()));
    assertThat(table("get", "lease", "leader"))
        .containsExactly(
            List.of("NAME", "HOLDER", "AGE"), List.of("leader", "controller-1", age()));
    assertThat(table("get", "events"))
        .containsExactly(
            List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
            List.of(
                age(),
                "Normal",
                "SuccessfulCreate",
                "statefulset/cn",
                "create Pod cn-0 in StatefulSet cn successful"));
  }

  private static final String AGE = "<age>";

  /** The AGE cell of an object created a moment ago. */
  private static String age() {
    return AGE;
  }
}
