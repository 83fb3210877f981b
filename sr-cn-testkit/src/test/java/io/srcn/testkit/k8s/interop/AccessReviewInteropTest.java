package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.MockKubernetes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl auth can-i} (a SelfSubjectAccessReview) against the mock: yes, then no. */
class AccessReviewInteropTest {
  @TempDir Path dir;
  private MockKubernetes k8s;
  private Path kubeconfig;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.create().start();
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
  }

  @AfterEach
  void stop() {
    k8s.stop();
  }

  @Test
  void kubectlAuthCanIAsksTheMock() throws Exception {
    Clients.Result yes =
        Clients.run(
            Clients.kubectl(
                kubeconfig,
                "auth",
                "can-i",
                "patch",
                "statefulsets.apps",
                "--subresource=scale",
                "-n",
                "ns"));
    assertThat(yes.exit()).as(yes.output()).isZero();
    assertThat(yes.output().strip()).isEqualTo("yes");

    k8s.denyAccess("patch", "apps", "statefulsets/scale");
    Clients.Result no =
        Clients.run(
            Clients.kubectl(
                kubeconfig,
                "auth",
                "can-i",
                "patch",
                "statefulsets.apps",
                "--subresource=scale",
                "-n",
                "ns"));
    assertThat(no.exit()).as(no.output()).isEqualTo(1);
    assertThat(no.output().strip()).isEqualTo("no");
  }
}
