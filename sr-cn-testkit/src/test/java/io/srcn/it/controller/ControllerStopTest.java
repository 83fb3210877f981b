package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.readiness.Readiness;
import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a controller while a pass is in flight lets the pass finish its requests instead of
 * interrupting them (an interrupted request failed with a Kubernetes or FE error that was logged as
 * the group's WARN, issue 19 section 4).
 */
@ItCluster
class ControllerStopTest {
  private MockKubernetes k8s;
  private FakeFrontend fe;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    this.fe = fe;
    this.k8s = k8s;
  }

  @Test
  void stopLetsThePassInFlightFinishItsAdd() {
    String ns = Cluster.NS;
    try (ComputeNodeClient session = ComputeNodeClient.create(k8s.client())) {
      session.apply( // objects only: the controller's first pass does the registration
          ComputeNodeGroups.create("s")
              .inNamespace(ns)
              .image("starrocks/cn-ubuntu:3.3.5")
              .replicas(1)
              .registerWith(fe.frontend()));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                k8s.client().pods().inNamespace(ns).list().getItems().stream()
                    .anyMatch(Readiness::isPodReady));
    fe.clearStatements();
    fe.setLatency(Duration.ofMillis(300)); // every statement of the first pass takes 300 ms
    ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace(ns)
            .credentialsResolver((credentials, n) -> fe.frontend().credentials())
            .build()
            .start();
    // the pass has asked the FE for its frontends: its ADD is still to come
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                fe.statements().stream()
                    .anyMatch(s -> s.sql().toUpperCase(Locale.ROOT).startsWith("SHOW FRONTENDS")));
    assertThat(fe.computeNodes()).isEmpty();
    c.stop();
    assertThat(fe.computeNodes())
        .extracting(FakeComputeNode::address)
        .containsExactly("s-cn-0.s-cn-search." + ns + ".svc.cluster.local:9050");
  }
}
