package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatefulSetSimulatorTest {
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  @Test
  void serverSideApplyCreatesAndWaitUntilReadyReturnsWithReadyPods() {
    client
        .resource(Fixtures.statefulSet("g-cn", 3, "Parallel"))
        .inNamespace("ns")
        .serverSideApply();

    StatefulSet ready =
        client
            .apps()
            .statefulSets()
            .inNamespace("ns")
            .withName("g-cn")
            .waitUntilReady(10, TimeUnit.SECONDS);

    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(3);
    List<Pod> pods = client.pods().inNamespace("ns").list().getItems();
    assertThat(pods)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("g-cn-0", "g-cn-1", "g-cn-2");
    Pod pod = pods.get(1);
    assertThat(pod.getSpec().getHostname()).isEqualTo("g-cn-1");
    assertThat(pod.getSpec().getSubdomain()).isEqualTo("g-cn-search");
    assertThat(pod.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(ready.getMetadata().getUid());
    assertThat(pod.getMetadata().getLabels())
        .containsKey("controller-revision-hash")
        .containsEntry("app", "g-cn");
    assertThat(pods)
        .extracting(p -> p.getStatus().getPodIP())
        .doesNotHaveDuplicates()
        .doesNotContainNull();
    assertThat(k8s.reachability().test("g-cn-1.g-cn-search.ns.svc.cluster.local")).isTrue();
    assertThat(k8s.reachability().test(pod.getStatus().getPodIP())).isTrue();
  }

  @Test
  void scaleInRemovesHighestOrdinalsAfterTermination() {
    client
        .resource(Fixtures.statefulSet("g-cn", 3, "Parallel"))
        .inNamespace("ns")
        .serverSideApply();
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .waitUntilReady(10, TimeUnit.SECONDS);

    client.apps().statefulSets().inNamespace("ns").withName("g-cn").scale(1);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(client.pods().inNamespace("ns").list().getItems())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactly("g-cn-0"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              StatefulSet sts =
                  client.apps().statefulSets().inNamespace("ns").withName("g-cn").get();
              assertThat(sts.getStatus().getReplicas()).isEqualTo(1);
              assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(1);
            });
    assertThat(k8s.statefulSets().history())
        .filteredOn(t -> t.type() == Transition.Type.POD_TERMINATING)
        .extracting(Transition::name)
        .containsExactlyInAnyOrder("g-cn-1", "g-cn-2");
  }
}
