package io.srcn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.examples.cli.Cli.Run;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srcn quickstart} against a "real" cluster and FE. (Without arguments, as the README runs
 * it, {@code SrcnJarIT} runs it from the packaged jar; {@code QuickStartFlowTest} checks the steps
 * against the fake FE.)
 */
class SrcnQuickStartTest {
  @TempDir Path dir;

  @Test
  void withKubeconfigAndFeItMovesTheAutoscalingBoundsInsteadOfSimulatingLoad() {
    // a stand-in for a real cluster and FE: only the kubeconfig and the FE address reach srcn
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("qs").build().start();
        FakeFrontend fe =
            FakeFrontend.builder()
                .rootPassword("qs-secret")
                .heartbeatInterval(Duration.ofMillis(50))
                .reachability(k8s.reachability())
                .build()
                .start()) {
      k8s.hpa().realTime(Duration.ofMillis(100));
      Path kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig"));

      Run r =
          Cli.srcn(
              Map.of("SRCN_FE_PASSWORD", "qs-secret"),
              "quickstart",
              "--kubeconfig",
              kubeconfig.toString(),
              "-n",
              "qs",
              "--fe",
              fe.address().toString(),
              "--pace",
              "fast");

      assertThat(r.status()).as(r.all()).isZero();
      assertThat(r.out())
          .contains("a real cluster and FE:", fe.address() + " as root")
          .contains("raising minReplicas to 4", "lowering maxReplicas to 1")
          .contains("scaled out: 4 pods", "scaled in:")
          .contains("done: the FE lists none of the group's nodes")
          .doesNotContain("qs-secret");
      assertThat(fe.computeNodes()).isEmpty();
      assertThat(k8s.client().apps().statefulSets().inNamespace("qs").list().getItems()).isEmpty();
    }
  }
}
