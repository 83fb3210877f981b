package io.srcn.it.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class AutoscalingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
    c.k8s.hpa().realTime(Duration.ofMillis(100));
  }

  /** Issue 15, bug 2: {@code between(3, 5)} used to start with one pod and report Ready. */
  @Test
  void anAutoscaledGroupStartsAtItsMinimumAndIsReadyOnlyThere() {
    try (ComputeNodeGroup g =
        c.spec("m")
            .autoscale(Autoscaling.between(3, 5).onCpu(60))
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      assertThat(
              c.k8s
                  .client()
                  .apps()
                  .statefulSets()
                  .inNamespace(Cluster.NS)
                  .withName("m-cn")
                  .get()
                  .getSpec()
                  .getReplicas())
          .as("created at minReplicas, before the HPA acts")
          .isEqualTo(3);
      GroupStatus ready = g.awaitReady(WAIT);
      assertThat(ready.desiredReplicas()).isEqualTo(3);
      assertThat(ready.readyReplicas()).isEqualTo(3);
      assertThat(c.feAddresses())
          .containsExactly(Cluster.fqdn("m", 0), Cluster.fqdn("m", 1), Cluster.fqdn("m", 2));
    }
  }

  @Test
  void hpaScaleOutAddsInOneStatementAndScaleInDropsTheHighestOrdinals() {
    Autoscaling policy =
        Autoscaling.between(1, 4)
            .onCpu(60)
            .scaleUp(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
            .scaleDown(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
            .scaleDownStabilization(Duration.ZERO);
    try (ComputeNodeGroup g =
            c.spec("g")
                .autoscale(policy)
                .deploy(c.k8s.client(), CredentialsResolver.literalOnly());
        ComputeNodeController controller =
            ComputeNodeController.builder(c.k8s.client())
                .namespace(Cluster.NS)
                .resyncPeriod(Duration.ofMillis(500))
                .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
                .build()
                .start()) {
      g.awaitReady(WAIT);
      c.fe.clearStatements();

      c.k8s.hpa().setCpuUtilization(Cluster.NS, "g-cn", 240);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(c.feAddresses())
                      .containsExactly(
                          Cluster.fqdn("g", 0),
                          Cluster.fqdn("g", 1),
                          Cluster.fqdn("g", 2),
                          Cluster.fqdn("g", 3)));
      List<String> adds = c.alters();
      assertThat(String.join("\n", adds)).contains(Cluster.fqdn("g", 3)).doesNotContain("DROP");

      c.fe.clearStatements();
      c.k8s.hpa().setCpuUtilization(Cluster.NS, "g-cn", 10);
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(c.feAddresses()).containsExactly(Cluster.fqdn("g", 0)));
      assertThat(c.alters()).allMatch(s -> s.contains("DROP COMPUTE NODE"));
      assertThat(String.join("\n", c.alters()))
          .contains(Cluster.fqdn("g", 1), Cluster.fqdn("g", 2), Cluster.fqdn("g", 3))
          .doesNotContain(Cluster.fqdn("g", 0));
      await()
          .atMost(WAIT)
          .until(() -> controller.status(Cluster.NS, "g").map(GroupStatus::isReady).orElse(false));
      assertThat(controller.status(Cluster.NS, "g").orElseThrow().hpa().orElseThrow().maxReplicas())
          .isEqualTo(4);
    }
  }
}
