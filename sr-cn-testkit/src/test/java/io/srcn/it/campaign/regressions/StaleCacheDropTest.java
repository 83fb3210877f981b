package io.srcn.it.campaign.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Campaign finding 10 (SDK), seeds {@code 6568138758270944263} and {@code -2524570295957342457}:
 * {@code WRONG_DROP}, a POD_IP group's live pod lost its FE node right after a roll. A controller
 * whose pod cache still showed the pod's previous incarnation took the ledger entry a handle had
 * just written for the new incarnation for an older one ("the pod now has another IP") and dropped
 * it.
 *
 * <p>Here the controller reaches the API server through a relay frozen across the roll: its cache
 * keeps the old incarnation, and its next resync's ledger read is answered, at the thaw, with the
 * handle's entry for the new one. No DROP of the new incarnation's IP may reach the FE, and the FE
 * must end up listing the new IP and not the old. Repeated because where the resync falls in the
 * freeze differs each time.
 */
class StaleCacheDropTest {
  private LaggingControllerFixture f;
  private Cluster c;
  private FreezableRelay relay;
  private KubernetesClient behindRelay;

  @BeforeEach
  void start() {
    f = LaggingControllerFixture.start();
    c = f.c;
    relay = f.relay;
    behindRelay = f.behindRelay;
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @RepeatedTest(4)
  void aControllerBehindARollNeverDropsTheNewIncarnationsIp() {
    try (ComputeNodeController controller =
            ComputeNodeController.builder(behindRelay)
                .namespace(Cluster.NS)
                .resyncPeriod(Duration.ofMillis(1500))
                .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
                .build()
                .start();
        ComputeNodeGroup g =
            c.spec("g")
                .replicas(1)
                .addressMode(AddressMode.POD_IP)
                .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> controller.status(Cluster.NS, "g").map(s -> s.isReady()).orElse(false));
      String oldIp = ip().orElseThrow();

      relay.freeze();
      Instant rolled = Instant.now();
      c.k8s.client().pods().inNamespace(Cluster.NS).withName("g-cn-0").delete();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ip().filter(ip -> !ip.equals(oldIp)).isPresent());
      String newIp = ip().orElseThrow();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                g.reconcile();
                assertThat(c.feAddresses())
                    .contains(newIp + ":9050")
                    .doesNotContain(oldIp + ":9050");
              });

      // the frozen controller's next resync plans on a cache that still shows oldIp; its ledger
      // read, answered at the thaw, holds the handle's entry for newIp
      await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
      relay.thaw();
      await()
          .pollDelay(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                g.reconcile();
                assertThat(c.feAddresses())
                    .contains(newIp + ":9050")
                    .doesNotContain(oldIp + ":9050");
              });
      assertThat(dropsSince(rolled, newIp)).as("DROPs of the live incarnation's IP").isEmpty();
      g.delete();
    }
  }

  private Optional<String> ip() {
    Pod pod = c.k8s.client().pods().inNamespace(Cluster.NS).withName("g-cn-0").get();
    return Optional.ofNullable(pod)
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .map(p -> p.getStatus().getPodIP())
        .filter(ip -> ip != null && !ip.isEmpty());
  }

  private List<String> dropsSince(Instant t, String ip) {
    return f.statementsSince(t, "ALTER SYSTEM DROP", "'" + ip + ":");
  }
}
