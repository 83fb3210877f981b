package io.srcn.it.campaign.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Campaign finding 7 (SDK), seed {@code 7002735896555865125}: {@code FE_NODES_AFTER_DELETE}, the FE
 * still listed two of a deleted FQDN group's nodes when the delete returned. A controller decides
 * on informer caches that lag the API server. While a handle deleted the group (mark, scale to 0,
 * drop each node as its pod went), the controller's resync still saw the group unmarked with its
 * pods Ready, listed the FE after the handle's DROP, and ADDed the nodes again. The campaign's
 * audit did not catch the ADD because it allows 2 s of slack after a delete begins.
 *
 * <p>Here the controller reaches the API server through a relay that is frozen for the delete: its
 * caches stand still at "Ready, not suspended" while its resyncs keep listing the (unfrozen) FE. No
 * ADD may reach the FE after the delete began, and the FE must not list the group's nodes when the
 * delete returns nor once the controller has caught up. Repeated because the controller's resync
 * and the delete interleave differently each time.
 */
class DeleteWhileAControllerLagsTest {
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
  void aLaggingControllerNeverReAddsTheNodesOfAGroupBeingDeleted() {
    try (ComputeNodeController controller =
        ComputeNodeController.builder(behindRelay)
            .namespace(Cluster.NS)
            .resyncPeriod(Duration.ofMillis(100))
            .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
            .build()
            .start()) {
      ComputeNodeGroup g =
          c.spec("g").replicas(2).deploy(c.k8s.client(), CredentialsResolver.literalOnly());
      g.awaitReady(Duration.ofSeconds(30));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> controller.status(Cluster.NS, "g").map(s -> s.isReady()).orElse(false));

      relay.freeze();
      Instant deleteStarted = Instant.now();
      g.delete();
      g.close();
      assertThat(owned()).as("the group's FE nodes when delete returned").isEmpty();

      // the frozen controller's resyncs (every 100 ms) list the FE and decide on its stale caches;
      // before the fix, one of them re-added the nodes within about 200 ms of the DROP
      await()
          .pollDelay(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(addsSince(deleteStarted)).isEmpty());

      relay.thaw();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> controller.status(Cluster.NS, "g").isEmpty());
      assertThat(owned()).as("the group's FE nodes once the controller caught up").isEmpty();
      assertThat(addsSince(deleteStarted)).as("ADDs after the delete began").isEmpty();
    }
  }

  private List<String> owned() {
    return c.feAddresses().stream().filter(a -> a.startsWith("g-cn-")).toList();
  }

  private List<String> addsSince(Instant t) {
    return f.statementsSince(t, "ALTER SYSTEM ADD", "'g-cn-");
  }
}
