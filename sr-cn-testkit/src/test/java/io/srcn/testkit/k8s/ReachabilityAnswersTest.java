package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The FE bridge answers a heartbeat again from its last answer only while no pod changed (issue 19:
 * looking every node up on every round cost the sandbox a core at 10,000 groups): right after a pod
 * is deleted, or before one turns Ready, the answer changes, however often it was asked before.
 */
class ReachabilityAnswersTest {
  private static final String FQDN = "web-0.web-search.default.svc.cluster.local";

  @Test
  void anAnswerChangesWithTheFirstPodChangeAfterIt() {
    try (MockKubernetes k8s =
        MockKubernetes.builder().podReadyDelay(Duration.ofSeconds(2)).build().start()) {
      Predicate<String> reachable = k8s.reachability();
      KubernetesClient client = k8s.client();
      for (int i = 0; i < 100; i++) {
        assertThat(reachable.test(FQDN)).isFalse();
      }
      client.apps().statefulSets().inNamespace("default").resource(statefulSet()).create();
      await().atMost(Duration.ofSeconds(20)).until(() -> reachable.test(FQDN + ":9050"));
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++) {
          assertThat(reachable.test(FQDN + ":9050")).isTrue();
        }
        client.pods().inNamespace("default").withName("web-0").withGracePeriod(0).delete();
        // the store changed before the delete returned: no stale "reachable" from the last round
        // (the pod the StatefulSet creates again is Ready only 2 s after its creation)
        assertThat(reachable.test(FQDN + ":9050")).isFalse();
        assertThat(reachable.test(FQDN + ":9050")).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> reachable.test(FQDN + ":9050"));
      }
    }
  }

  private static io.fabric8.kubernetes.api.model.apps.StatefulSet statefulSet() {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withServiceName("web-search")
        .withNewSelector()
        .withMatchLabels(Map.of("app", "web"))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("i")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
