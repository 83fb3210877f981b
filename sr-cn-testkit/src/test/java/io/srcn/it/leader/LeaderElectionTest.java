package io.srcn.it.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class LeaderElectionTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  private ComputeNodeController controller(String identity) {
    return ComputeNodeController.builder(c.k8s.client())
        .namespace(Cluster.NS)
        .resyncPeriod(Duration.ofMillis(300))
        .leaseDuration(Duration.ofSeconds(2))
        .leaderElection(Cluster.NS, "sr-cn-sdk", identity)
        .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
        .build()
        .start();
  }

  @Test
  void onlyTheLeaderWorksAndTheOtherTakesOverWhenItStops() {
    try (ComputeNodeGroup g =
        c.spec("g")
            .autoscale(Autoscaling.between(1, 3))
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      assertThat(g.name()).isEqualTo("g");
    }
    ComputeNodeController a = controller("a");
    try (ComputeNodeController b = controller("b")) {
      await().atMost(WAIT).until(() -> a.isLeader() || b.isLeader());
      ComputeNodeController leader = a.isLeader() ? a : b;
      ComputeNodeController follower = leader == a ? b : a;
      assertThat(follower.isLeader()).isFalse();
      await().atMost(WAIT).until(() -> leader.status(Cluster.NS, "g").isPresent());

      leader.stop();
      await().atMost(WAIT).until(follower::isLeader);
      c.scaleStatefulSet("g", 2); // as the HPA would
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(c.feAddresses())
                      .containsExactly(Cluster.fqdn("g", 0), Cluster.fqdn("g", 1)));
    } finally {
      a.close();
    }
  }
}
