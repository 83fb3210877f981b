package io.srcn.it.suspend;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class SuspendResumeTest {
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  @Test
  void suspendDropsEveryNodeKeepsTheObjectsAndResumeRestoresReplicasAndHpa() {
    c.fe.addComputeNode("10.1.1.1", 9050);
    try (ComputeNodeGroup g =
        c.spec("g")
            .autoscale(Autoscaling.between(2, 4))
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      c.scaleStatefulSet("g", 2);
      g.awaitReady(Duration.ofSeconds(30));

      g.suspend();
      assertThat(c.feAddresses()).containsExactly("10.1.1.1:9050");
      assertThat(hpaExists()).isFalse();
      assertThat(
              c.k8s.client().apps().statefulSets().inNamespace(Cluster.NS).withName("g-cn").get())
          .isNotNull();
      GroupStatus suspended = g.reconcile();
      assertThat(suspended.nodes()).isEmpty();
      assertThat(c.feAddresses()).containsExactly("10.1.1.1:9050");

      g.resume();
      GroupStatus resumed = g.awaitReady(Duration.ofSeconds(30));
      assertThat(resumed.readyReplicas()).isEqualTo(2);
      assertThat(hpaExists()).isTrue();
      assertThat(c.feAddresses())
          .containsExactly("10.1.1.1:9050", Cluster.fqdn("g", 0), Cluster.fqdn("g", 1));
    }
  }

  private boolean hpaExists() {
    return c.k8s
            .client()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(Cluster.NS)
            .withName("g-cn-autoscaler")
            .get()
        != null;
  }
}
