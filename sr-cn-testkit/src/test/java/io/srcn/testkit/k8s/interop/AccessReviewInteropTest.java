package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code kubectl auth can-i} (a SelfSubjectAccessReview) against the mock: yes, then no. */
class AccessReviewInteropTest extends MockServerInterop {

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
