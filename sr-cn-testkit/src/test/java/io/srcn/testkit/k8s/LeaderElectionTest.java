package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LeaderElectionTest {

  private static CompletableFuture<?> elect(
      KubernetesClient client, String identity, Set<String> leaders) {
    return client
        .leaderElector()
        .withConfig(
            new LeaderElectionConfigBuilder()
                .withName("srcn")
                .withLock(new LeaseLock("ns", "srcn-leader", identity))
                .withLeaseDuration(Duration.ofSeconds(6))
                .withRenewDeadline(Duration.ofSeconds(4))
                .withRetryPeriod(Duration.ofMillis(100))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(
                    new LeaderCallbacks(
                        () -> leaders.add(identity), () -> leaders.remove(identity), id -> {}))
                .build())
        .build()
        .start();
  }

  @Test
  void oneLeaderAtATimeAndTheOtherTakesOverOnRelease() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start();
        KubernetesClient a = k8s.newClient();
        KubernetesClient b = k8s.newClient()) {
      Set<String> leaders = ConcurrentHashMap.newKeySet();
      CompletableFuture<?> first = elect(a, "a", leaders);
      await().atMost(Duration.ofSeconds(10)).until(() -> leaders.contains("a"));
      CompletableFuture<?> second = elect(b, "b", leaders);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !leaders.contains("b"));

      first.cancel(true);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> leaders.contains("b") && !leaders.contains("a"));
      Lease lease = a.leases().inNamespace("ns").withName("srcn-leader").get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("b");
      second.cancel(true);
    }
  }
}
