package io.srcn.it.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class PodCrashTest {
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  @Test
  void crashingOrUnreadyOrRecreatedPodsKeepTheirRegistration() {
    try (ComputeNodeGroup g =
        c.spec("g").replicas(3).deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
      c.fe.clearStatements();

      c.k8s.statefulSets().failReadiness(Cluster.NS, "g-cn-1", true);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  g.reconcile().nodes().stream()
                      .noneMatch(n -> n.pod().equals("g-cn-1") && n.ready()));
      GroupStatus unready = g.reconcile();
      NodeStatus node1 = unready.nodes().get(1);
      assertThat(node1.registered()).isTrue();
      assertThat(unready.isReady()).isFalse();

      c.k8s.statefulSets().failReadiness(Cluster.NS, "g-cn-1", false);
      c.k8s.statefulSets().crashPod(Cluster.NS, "g-cn-2");
      c.k8s.statefulSets().deletePod(Cluster.NS, "g-cn-0");
      GroupStatus back = g.awaitReady(Duration.ofSeconds(30));
      assertThat(back.nodes()).allMatch(NodeStatus::registered);
      assertThat(c.drops()).isEmpty();
      assertThat(c.feAddresses())
          .containsExactly(Cluster.fqdn("g", 0), Cluster.fqdn("g", 1), Cluster.fqdn("g", 2));
    }
  }
}
