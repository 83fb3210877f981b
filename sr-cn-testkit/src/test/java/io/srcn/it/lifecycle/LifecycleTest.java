package io.srcn.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class LifecycleTest {
  private MockKubernetes k8s;
  private FakeFrontend fe;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    this.fe = fe;
    this.k8s = k8s;
  }

  private ComputeNodeGroupSpec spec(int replicas) {
    return ComputeNodeGroups.create("analytics")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.5")
        .replicas(replicas)
        .terminationGracePeriod(Duration.ofSeconds(5))
        .registerWith(fe.frontend());
  }

  private static String fqdn(int i) {
    return "analytics-cn-" + i + ".analytics-cn-search.starrocks.svc.cluster.local:9050";
  }

  private List<String> alters() {
    return fe.statements().stream()
        .map(StatementRecord::sql)
        .filter(s -> s.toUpperCase().startsWith("ALTER SYSTEM"))
        .toList();
  }

  @Test
  void deployRegistersEveryReadyPodInOneStatementAndBecomesReady() {
    try (ComputeNodeGroup g = spec(3).deploy(k8s.client(), CredentialsResolver.literalOnly())) {
      GroupStatus status = g.awaitReady(Duration.ofSeconds(20));
      assertThat(status.readyReplicas()).isEqualTo(3);
      assertThat(status.nodes()).allSatisfy(n -> assertThat(n.alive()).contains(true));
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::address)
          .containsExactlyInAnyOrder(fqdn(0), fqdn(1), fqdn(2));
      assertThat(alters()).allMatch(s -> s.contains("ADD COMPUTE NODE"));
    }
  }

  @Test
  void scaleInDropsExactlyTheRemovedOrdinalsOnceTheirPodsAreGone() {
    try (ComputeNodeGroup g = spec(3).deploy(k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(20));
      fe.clearStatements();
      g.scale(1);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                g.reconcile();
                assertThat(fe.computeNodes())
                    .extracting(FakeComputeNode::address)
                    .containsExactly(fqdn(0));
              });
      // One DROP per batch of pods found gone; together they name exactly ordinals 1 and 2, once.
      String drops = String.join("\n", alters());
      assertThat(alters()).allMatch(s -> s.contains("DROP COMPUTE NODE"));
      assertThat(drops.split(java.util.regex.Pattern.quote(fqdn(1)), -1)).hasSize(2);
      assertThat(drops.split(java.util.regex.Pattern.quote(fqdn(2)), -1)).hasSize(2);
      assertThat(drops).doesNotContain(fqdn(0));
    }
  }

  @Test
  void deleteLeavesNoOwnedNodeAndNoObjectButKeepsForeignNodes() {
    fe.addComputeNode("10.9.9.9", 9050);
    try (ComputeNodeGroup g = spec(2).deploy(k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(20));
      g.delete();
    }
    assertThat(fe.computeNodes())
        .extracting(FakeComputeNode::address)
        .containsExactly("10.9.9.9:9050");
    assertThat(k8s.client().apps().statefulSets().inNamespace("starrocks").list().getItems())
        .isEmpty();
    assertThat(k8s.client().configMaps().inNamespace("starrocks").list().getItems()).isEmpty();
  }
}
