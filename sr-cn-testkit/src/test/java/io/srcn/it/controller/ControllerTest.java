package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Condition;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ItCluster
class ControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MockKubernetes k8s;
  private FakeFrontend fe;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    this.fe = fe;
    this.k8s = k8s;
  }

  private ComputeNodeController controller() {
    return ComputeNodeController.builder(k8s.client())
        .namespace("starrocks")
        .resyncPeriod(Duration.ofMillis(300))
        .credentialsResolver((credentials, namespace) -> fe.frontend().credentials())
        .build()
        .start();
  }

  private ComputeNodeGroupSpec spec(String name) {
    return ComputeNodeGroups.create(name)
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.5")
        .terminationGracePeriod(Duration.ofSeconds(5))
        .registerWith(fe.frontend());
  }

  private List<String> feAddresses() {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }

  private static String fqdn(String group, int i) {
    return group + "-cn-" + i + "." + group + "-cn-search.starrocks.svc.cluster.local:9050";
  }

  private void deploy(ComputeNodeGroupSpec spec) {
    try (ComputeNodeGroup g = spec.deploy(k8s.client(), CredentialsResolver.literalOnly())) {
      assertThat(g.name()).isEqualTo(spec.name());
    }
  }

  private void scaleStatefulSet(String group, int replicas) {
    k8s.client()
        .apps()
        .statefulSets()
        .inNamespace("starrocks")
        .withName(group + "-cn")
        .scale(replicas);
  }

  @Test
  void followsAutoscalerScalingOfEveryGroupAndReportsStatus() {
    deploy(spec("a").autoscale(Autoscaling.between(1, 5)));
    deploy(spec("b").replicas(2));
    try (ComputeNodeController c = controller()) {
      await()
          .atMost(WAIT)
          .until(() -> c.status("starrocks", "b").map(GroupStatus::isReady).orElse(false));
      scaleStatefulSet("a", 3);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(feAddresses())
                      .containsExactly(
                          fqdn("a", 0), fqdn("a", 1), fqdn("a", 2), fqdn("b", 0), fqdn("b", 1)));
      scaleStatefulSet("a", 1);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(feAddresses())
                      .containsExactly(fqdn("a", 0), fqdn("b", 0), fqdn("b", 1)));
      await()
          .atMost(WAIT)
          .until(() -> c.status("starrocks", "a").map(GroupStatus::isReady).orElse(false));
      assertThat(c.statuses()).extracting(GroupStatus::name).containsExactly("a", "b");
    }
  }

  @Test
  void objectsDeletedBehindTheControllersBackAreRecreatedOnFirstSightAndByTheRoutineReApply() {
    deploy(spec("r").replicas(1));
    k8s.client().services().inNamespace("starrocks").withName("r-cn-search").delete();
    try (ComputeNodeController c = controller()) {
      // first sight: registration first, then the deferred re-apply recreates the Service
      await()
          .atMost(WAIT)
          .until(
              () ->
                  k8s.client().services().inNamespace("starrocks").withName("r-cn-search").get()
                      != null);
      assertThat(feAddresses()).containsExactly(fqdn("r", 0));
      // later: the re-apply every tenth resync (300 ms here) recreates a deleted ConfigMap
      k8s.client().configMaps().inNamespace("starrocks").withName("r-cn-config").delete();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  k8s.client().configMaps().inNamespace("starrocks").withName("r-cn-config").get()
                      != null);
      await()
          .atMost(WAIT)
          .until(() -> c.status("starrocks", "r").map(GroupStatus::isReady).orElse(false));
    }
  }

  @Test
  void restartedControllerRecoversGroupsAndRepairsWhatTheFeLost() {
    fe.addComputeNode("10.1.2.3", 9050);
    deploy(spec("g").replicas(2));
    try (ComputeNodeController first = controller()) {
      await().atMost(WAIT).until(() -> feAddresses().size() == 3);
    }
    fe.removeComputeNode(fqdn("g", 1).split(":")[0], 9050);
    try (ComputeNodeController second = controller()) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(feAddresses())
                      .containsExactly("10.1.2.3:9050", fqdn("g", 0), fqdn("g", 1)));
      await().atMost(WAIT).until(() -> second.status("starrocks", "g").isPresent());
      GroupStatus status = second.status("starrocks", "g").orElseThrow();
      assertThat(status.nodes()).hasSize(2);
    }
  }

  @Test
  void groupWithLiteralCredentialsIsDegradedWithoutAResolverThatSuppliesThem() {
    deploy(spec("g").replicas(1));
    try (ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace("starrocks")
            .resyncPeriod(Duration.ofMillis(300))
            .build()
            .start()) {
      await()
          .atMost(WAIT)
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                GroupStatus s = c.status("starrocks", "g").orElseThrow();
                assertThat(s.condition(Condition.DEGRADED).orElseThrow().reason())
                    .isEqualTo("CredentialsUnresolvable");
              });
    }
  }

  @Test
  void shardedControllersOnlyManageGroupsWithTheirLabel() {
    deploy(spec("mine").replicas(1).podLabel("shard", "a"));
    deploy(spec("other").replicas(1).podLabel("shard", "b"));
    try (ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace("starrocks")
            .withLabel("shard", "a")
            .resyncPeriod(Duration.ofMillis(300))
            .credentialsResolver((credentials, namespace) -> fe.frontend().credentials())
            .build()
            .start()) {
      await().atMost(WAIT).until(() -> c.status("starrocks", "mine").isPresent());
      assertThat(c.statuses()).extracting(GroupStatus::name).containsExactly("mine");
    }
  }

  @Test
  void deletedStatefulSetHasItsNodesDroppedButForeignNodesStay() {
    fe.addComputeNode("10.1.2.3", 9050);
    deploy(spec("g").replicas(2));
    try (ComputeNodeController c = controller()) {
      await().atMost(WAIT).until(() -> feAddresses().size() == 3);
      k8s.client().apps().statefulSets().inNamespace("starrocks").withName("g-cn").delete();
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(feAddresses()).containsExactly("10.1.2.3:9050"));
    }
  }
}
