package io.srcn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Condition;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How to test your own CN management code with the testkit: copy this class. {@code @CnTestkit}
 * gives every test a fresh fake FE and mock Kubernetes API server on 127.0.0.1 (free ports),
 * bridged so that the FE sees a node alive exactly while its pod is Ready. Ask for what you need as
 * parameters: {@link FakeFrontend}, {@link MockKubernetes}, {@link KubernetesClient}, {@link
 * Frontend}.
 *
 * <p>Dependency: {@code io.srcn:sr-cn-testkit} in test scope (JUnit 5, AssertJ and Awaitility are
 * used here too).
 */
@CnTestkit(namespaces = "starrocks") // the API server refuses objects in a missing namespace
class TestkitExample {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Your group: here, in namespace "starrocks", registering with the fake FE. */
  private static ComputeNodeGroupSpec analytics(Frontend fe) {
    return ComputeNodeGroups.create("analytics")
        .inNamespace("starrocks")
        .image("starrocks/cn-ubuntu:3.3.5")
        .registerWith(fe);
  }

  @Test
  void podsAreRegisteredWhenReadyAndDroppedOnScaleIn(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = analytics(frontend).replicas(3).deploy(client)) {
      GroupStatus ready = group.awaitReady(WAIT);

      assertThat(ready.registeredCount()).isEqualTo(3);
      assertThat(fe.computeNodes()).hasSize(3).allMatch(FakeComputeNode::alive);

      group.scale(1);
      group.awaitReady(WAIT);

      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::address)
          .containsExactly("analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050");
      // pods 1 and 2 may go at slightly different times: one DROP naming both, or one each
      assertThat(fe.statements())
          .extracting(StatementRecord::sql)
          .filteredOn(sql -> sql.startsWith("ALTER SYSTEM DROP COMPUTE NODE"))
          .hasSizeBetween(1, 2)
          .noneMatch(sql -> sql.contains("analytics-cn-0."))
          .anyMatch(sql -> sql.contains("analytics-cn-1."))
          .anyMatch(sql -> sql.contains("analytics-cn-2."));
    }
  }

  @Test
  void theControllerRegistersWhatTheAutoscalerAdds(
      FakeFrontend fe, MockKubernetes k8s, KubernetesClient client, Frontend frontend) {
    Autoscaling policy =
        Autoscaling.between(1, 4).onCpu(60).scaleUp(ScalingRule.pods(4).every(WAIT));
    try (ComputeNodeGroup group = analytics(frontend).autoscale(policy).deploy(client);
        ComputeNodeController controller =
            ComputeNodeController.builder(client)
                .namespace("starrocks")
                .resyncPeriod(Duration.ofMillis(500))
                // a spec read back from the cluster holds no password: supply it
                .credentialsResolver((credentials, ns) -> frontend.credentials())
                .build()
                .start()) {
      group.awaitReady(WAIT);

      // the HPA simulator runs on a manual clock: set a metric, then let 15 s pass
      k8s.hpa().setCpuUtilization("starrocks", "analytics-cn", 200);
      k8s.hpa().tick(Duration.ofSeconds(15));

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(fe.computeNodes()).hasSize(4).allMatch(FakeComputeNode::alive));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  controller
                      .status("starrocks", "analytics")
                      .map(GroupStatus::isReady)
                      .orElse(false));
    }
  }

  @Test
  void anFeThatRefusesTheLoginShowsAsDegraded(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = analytics(frontend).deploy(client)) {
      group.awaitReady(WAIT);

      // fault injection: from now on the FE refuses logins, and open connections are cut
      fe.refuseLogins(true);
      fe.dropAllConnections();

      GroupStatus status = group.reconcile();
      Condition degraded = status.condition(Condition.DEGRADED).orElseThrow();
      assertThat(degraded.isTrue()).as("Degraded: %s", degraded).isTrue();
      assertThat(degraded.message()).containsIgnoringCase("access denied");
      assertThat(status.isReady()).isFalse();
    }
  }
}
