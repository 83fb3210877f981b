package io.srcn.it.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.GroupNotFoundException;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.Plan;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@link ComputeNodeClient} session is shared by its handles and its controller: one FE
 * connection for any number of groups on one FE, handles that close without closing the session,
 * and a session that closes everything it owns.
 */
@ItCluster
class ComputeNodeClientTest {
  private static final Duration READY = Duration.ofSeconds(30);

  @Test
  void handlesOfOneSessionShareOneFrontendConnection(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client())) {
      List<ComputeNodeGroup> groups = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        groups.add(cn.deploy(c.specWithSecretCredentials(name).replicas(1)));
      }
      groups.forEach(g -> g.awaitReady(READY));
      assertThat(c.fe.computeNodes()).hasSize(3);
      assertThat(c.fe.openConnections()).isEqualTo(1);

      groups.get(0).close();
      GroupStatus b = groups.get(1).status();
      assertThat(b.isReady()).as(b.toTable()).isTrue();
      assertThat(cn.group(Cluster.NS, "c").status().isReady()).isTrue();
      assertThat(c.fe.openConnections()).isEqualTo(1);

      cn.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> c.fe.openConnections() == 0);
    }
  }

  @Test
  void privateSessionsCostOneConnectionEach(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeGroup a = c.specWithSecretCredentials("a").replicas(1).deploy(c.k8s.client());
        ComputeNodeGroup b = c.specWithSecretCredentials("b").replicas(1).deploy(c.k8s.client())) {
      a.awaitReady(READY);
      b.awaitReady(READY);
      assertThat(c.fe.openConnections()).isEqualTo(2);
    }
  }

  @Test
  void aControllerFromTheSessionSharesItsFrontendClient(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client())) {
      cn.deploy(c.specWithSecretCredentials("g").replicas(2)).awaitReady(READY);
      try (ComputeNodeController controller =
          cn.controller().namespace(Cluster.NS).resyncPeriod(Duration.ofMillis(200)).build()) {
        controller.start();
        await()
            .atMost(READY)
            .until(() -> controller.status(Cluster.NS, "g").map(s -> s.isReady()).orElse(false));
        await().atMost(READY).until(() -> controller.metrics().frontendListings() >= 3);
        assertThat(controller.metrics().groups()).isEqualTo(1);
        assertThat(c.fe.openConnections()).isEqualTo(1);
      }
      assertThat(cn.group(Cluster.NS, "g").status().isReady())
          .as("stopping the controller leaves the session open")
          .isTrue();
    }
  }

  @Test
  void aControllerFromASessionTakesTheSessionsResolver(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client())) {
      assertThatThrownBy(
              () -> cn.controller().credentialsResolver((credentials, ns) -> credentials).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ComputeNodeClient.builder(kube).credentialsResolver");
    }
  }

  @Test
  void applyWritesObjectsOnlyAndPlanWritesNothing(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client())) {
      Plan planned = cn.plan(c.specWithSecretCredentials("g"));
      assertThat(planned.change("StatefulSet").map(ObjectChange::action))
          .contains(ObjectChange.Action.CREATE);
      assertThat(c.k8s.client().apps().statefulSets().inNamespace(Cluster.NS).list().getItems())
          .isEmpty();

      Plan applied = cn.apply(c.specWithSecretCredentials("g"));
      assertThat(applied.hasChanges()).isTrue();
      assertThat(cn.apply(c.specWithSecretCredentials("g")).hasChanges()).isFalse();
      assertThat(c.fe.statements()).as("apply does not talk to the FE").isEmpty();
      assertThatThrownBy(() -> cn.group(Cluster.NS, "nope"))
          .isInstanceOf(GroupNotFoundException.class);
    }
  }
}
