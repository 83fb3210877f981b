package io.srcn.it.campaign.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Campaign finding 1 (testkit): the StatefulSet simulator stamped a transition when its own thread
 * got to the change (POD_DELETED) or after its write returned (POD_READY, POD_CREATED, ...), so
 * while the simulator was busy a watcher could see a pod gone well before the history said it went.
 * Judging FE statements against the history then blamed correct drops. The history must never be
 * later than what a client could observe.
 */
class HistoryTimestampsTest {
  @Test
  void aPodLeavesTheHistoryNoLaterThanAWatcherSeesItGo() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      var client = k8s.client();
      client.apps().statefulSets().inNamespace("ns").resource(sts("x", 1)).create();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> client.pods().inNamespace("ns").withName("x-0").get() != null);
      Map<String, Instant> seenDeleted = new ConcurrentHashMap<>();
      try (Watch w = client.pods().inNamespace("ns").watch(recordDeletes(seenDeleted))) {
        for (int i = 0; i < 20; i++) { // keeps the simulator's thread busy for a while
          client.apps().statefulSets().inNamespace("ns").resource(sts("busy" + i, 10)).create();
        }
        client.pods().inNamespace("ns").withName("x-0").withGracePeriod(0).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> seenDeleted.containsKey("x-0"));
        await().atMost(Duration.ofSeconds(60)).until(() -> deleted(k8s, "x-0") != null);
        assertThat(deleted(k8s, "x-0").time())
            .as("history time of x-0's deletion vs. when a watcher saw it")
            .isBeforeOrEqualTo(seenDeleted.get("x-0"));
      }
    }
  }

  private static Transition deleted(MockKubernetes k8s, String pod) {
    return k8s.statefulSets().history().stream()
        .filter(t -> t.type() == Transition.Type.POD_DELETED && t.name().equals(pod))
        .findFirst()
        .orElse(null);
  }

  private static Watcher<Pod> recordDeletes(Map<String, Instant> seen) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        if (action == Action.DELETED) {
          seen.putIfAbsent(pod.getMetadata().getName(), Instant.now());
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  private static StatefulSet sts(String name, int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name)
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .withMatchLabels(Map.of("app", name))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", name))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("cn")
        .withImage("starrocks/cn-ubuntu:3.3.5")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
