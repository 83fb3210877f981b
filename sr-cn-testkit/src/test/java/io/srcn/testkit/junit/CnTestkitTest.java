package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Frontend;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CnTestkit(namespaces = "ns")
class CnTestkitTest {
  private MockKubernetes fromBeforeEach;

  @BeforeEach
  void remember(MockKubernetes k8s) {
    fromBeforeEach = k8s;
  }

  @Test
  void resolvesOneBridgedPairPerTest(
      FakeFrontend fe, MockKubernetes k8s, KubernetesClient client, Frontend frontend) {
    assertThat(k8s).isSameAs(fromBeforeEach);
    assertThat(client).isSameAs(k8s.client());
    assertThat(frontend.addresses()).containsExactly(fe.address());
    client
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("g-cn")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withServiceName("g-cn-search")
                .withNewSelector()
                .withMatchLabels(Map.of("app", "g"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "g"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("cn")
                .withImage("cn")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .inNamespace("ns")
        .serverSideApply();
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .waitUntilReady(10, TimeUnit.SECONDS);
    fe.addComputeNode("g-cn-0.g-cn-search.ns.svc.cluster.local", 9050);
    fe.addComputeNode("g-cn-1.g-cn-search.ns.svc.cluster.local", 9050);

    fe.heartbeatNow();

    assertThat(fe.computeNodes())
        .extracting(FakeComputeNode::host, FakeComputeNode::alive)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("g-cn-0.g-cn-search.ns.svc.cluster.local", true),
            org.assertj.core.groups.Tuple.tuple("g-cn-1.g-cn-search.ns.svc.cluster.local", false));

    k8s.statefulSets().failReadiness("ns", "g-cn-0", true);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              fe.heartbeatNow();
              assertThat(fe.computeNodes()).noneMatch(FakeComputeNode::alive);
            });
  }

  @Test
  void startsOnlyWhatATestAsksFor(FakeFrontend fe) {
    assertThat(fe.isRunning()).isTrue();
  }
}
