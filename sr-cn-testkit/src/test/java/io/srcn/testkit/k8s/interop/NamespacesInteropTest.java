package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.testkit.k8s.MockKubernetes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5: the built-in namespaces exist from the start
 * (pkg/controlplane/controller/systemnamespaces), carry what a real server gives them
 * (kubernetes.io/metadata.name label, phase Active, the "kubernetes" finalizer), creating in a
 * missing namespace is a 404 when namespaces are required, and deleting a namespace deletes what is
 * in it.
 */
class NamespacesInteropTest {
  @TempDir Path dir;

  @Test
  void kubectlSeesTheFourBuiltInNamespaces() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      Path kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      Clients.Result r =
          Clients.run(
              Clients.kubectl(
                  kubeconfig,
                  "get",
                  "namespaces",
                  "-o",
                  "jsonpath={range .items[*]}{.metadata.name} {.status.phase}"
                      + " {.metadata.labels.kubernetes\\.io/metadata\\.name}"
                      + " {.spec.finalizers[0]}{\"\\n\"}{end}"));
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output())
          .isEqualTo(
              "default Active default kubernetes\n"
                  + "kube-node-lease Active kube-node-lease kubernetes\n"
                  + "kube-public Active kube-public kubernetes\n"
                  + "kube-system Active kube-system kubernetes\n");
    }
  }

  @Test
  void pythonCreateInAMissingNamespaceIs404AndNamespaceDeletionCascades() throws Exception {
    try (MockKubernetes k8s =
        MockKubernetes.builder().requireNamespaces(true).namespaces("team").build().start()) {
      Path kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      String script =
          String.join(
              "\n",
              "def cm(name):",
              "    return client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name))",
              "try:",
              "    v1.create_namespaced_config_map('nope', cm('a'))",
              "except ApiException as x:",
              "    b = json.loads(x.body)",
              "    out('MISSING', x.status, b['reason'], b['message'])",
              "v1.create_namespaced_config_map('team', cm('a'))",
              "v1.create_namespaced_config_map('kube-system', cm('a'))",
              "v1.delete_namespace('team')",
              "out('TEAM', [c.metadata.name for c in"
                  + " v1.list_namespaced_config_map('team').items])",
              "out('SYSTEM', [c.metadata.name for c in"
                  + " v1.list_namespaced_config_map('kube-system').items])");
      Clients.Result r = Clients.run(Clients.python(kubeconfig, script));
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output())
          .contains("MISSING 404 NotFound namespaces \"nope\" not found")
          .contains("TEAM []")
          .contains("SYSTEM ['a']");
    }
  }

  @Test
  void aNamespaceNameMustBeADns1123Label() {
    assertThatThrownBy(() -> MockKubernetes.builder().namespaces("Team_A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Team_A' is not a valid namespace name");
  }
}
