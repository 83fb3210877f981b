package io.srcn.it.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.RegistrationPendingException;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class FrontendOutageTest {
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  @Test
  void outageDegradesWithoutKubernetesWritesAndConvergesWhenTheFeReturns() {
    try (ComputeNodeGroup g =
        c.spec("g").replicas(1).deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
      c.fe.stop();
      assertThatThrownBy(() -> g.scale(2))
          .as("the scale is applied; the FE work is reported as left")
          .isInstanceOf(RegistrationPendingException.class);
      long writesBefore = writes();
      GroupStatus down = g.reconcile();
      assertThat(down.condition(Condition.DEGRADED).orElseThrow().status())
          .isEqualTo(ConditionStatus.TRUE);
      assertThat(down.condition(Condition.REGISTERED).orElseThrow().status())
          .isEqualTo(ConditionStatus.UNKNOWN);
      assertThat(writes()).as("Kubernetes writes during the outage").isEqualTo(writesBefore);

      c.fe.start();
      GroupStatus up = g.awaitReady(Duration.ofSeconds(60));
      assertThat(up.nodes()).hasSize(2).allMatch(n -> n.registered());
      assertThat(c.feAddresses()).containsExactly(Cluster.fqdn("g", 0), Cluster.fqdn("g", 1));
    }
  }

  /** Writes to anything but Events (which report the outage, as they should). */
  private long writes() {
    return c.k8s.requests().entries().stream()
        .filter(e -> !Set.of("get", "list", "watch").contains(e.verb()))
        .filter(e -> !e.resource().equals("events"))
        .count();
  }

  @Test
  void failsOverToTheSecondFeAddress() {
    try (FakeFrontend second =
        FakeFrontend.builder().reachability(c.k8s.reachability()).build().start()) {
      c.fe.stop();
      Frontend both =
          Frontend.at(c.fe.address().toString(), second.address().toString())
              .credentials(second.frontend().credentials())
              .connectTimeout(Duration.ofMillis(500));
      try (ComputeNodeGroup g =
          c.spec("g")
              .replicas(1)
              .registerWith(both)
              .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> g.reconcile().nodes().stream().allMatch(n -> n.registered()));
        assertThat(second.computeNodes()).hasSize(1);
      }
    }
  }
}
