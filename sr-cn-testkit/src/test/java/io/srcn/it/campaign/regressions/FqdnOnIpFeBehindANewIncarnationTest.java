package io.srcn.it.campaign.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * 1,000-scenario campaign finding (seed {@code -4538192914602356922}): {@code GHOST}, a group
 * registering by name on an FE that stores IPs kept an FE node for good after a scale-in. The FE
 * resolves the name when the ADD arrives; the controller wrote its ledger entry with the IP its pod
 * cache showed, which was the pod's previous incarnation's. The FE stored the new incarnation's IP,
 * which no ledger entry named, and once the pod went nothing owned that node.
 *
 * <p>Here only the controller's watches are frozen (its GETs, LISTs and writes go through): its
 * cache keeps {@code b-cn-1} at the old IP while the pod comes back with a new one; the old node is
 * gone from the FE (as another engine's DROP would leave it), so the controller ADDs the name and
 * the FE stores the new IP; then the group scales in before the cache catches up. The node must be
 * dropped once the controller sees the scale-in.
 */
class FqdnOnIpFeBehindANewIncarnationTest {
  private LaggingControllerFixture f;
  private MockKubernetes k8s;
  private FakeFrontend fe;
  private Cluster c;
  private FreezableRelay relay;
  private KubernetesClient behindRelay;

  @BeforeEach
  void start() {
    f = LaggingControllerFixture.start(FeMode.IP);
    c = f.c;
    k8s = c.k8s;
    fe = c.fe;
    relay = f.relay;
    behindRelay = f.behindRelay;
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @RepeatedTest(3)
  void theNodeTheFeStoredForANameIsDroppedAfterAScaleInTheCacheMissed() {
    try (ComputeNodeGroup g =
            c.spec("b")
                .addressMode(AddressMode.FQDN)
                .autoscale(Autoscaling.between(1, 2).onCpu(60))
                .deploy(k8s.client(), CredentialsResolver.literalOnly());
        ComputeNodeController controller =
            ComputeNodeController.builder(behindRelay)
                .namespace(Cluster.NS)
                .resyncPeriod(Duration.ofMillis(500))
                .credentialsResolver((cr, ns) -> fe.frontend().credentials())
                .build()
                .start()) {
      // registered by name, stored by IP: never Ready (AddressModeMismatch), so no awaitReady
      await().atMost(Duration.ofSeconds(30)).until(() -> c.feAddresses().size() == 1);
      scale(2); // as the HPA would
      await().atMost(Duration.ofSeconds(30)).until(() -> c.feAddresses().size() == 2);
      String oldIp = readyIp("b-cn-1").orElseThrow();
      await() // the controller's cache shows both pods Ready
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  controller
                      .status(Cluster.NS, "b")
                      .map(s -> s.readyReplicas() == 2)
                      .orElse(false));

      relay.freezeWatches();
      k8s.client().pods().inNamespace(Cluster.NS).withName("b-cn-1").delete();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> readyIp("b-cn-1").filter(ip -> !ip.equals(oldIp)).isPresent());
      String newIp = readyIp("b-cn-1").orElseThrow();
      fe.removeComputeNode(oldIp, 9050); // another engine dropped the old incarnation's node
      // the controller's resyncs see b-cn-1 Ready at oldIp, unregistered: they ADD its name, which
      // the FE resolves to newIp
      await().atMost(Duration.ofSeconds(30)).until(() -> c.feAddresses().contains(newIp + ":9050"));

      scale(1); // before the controller's cache shows the new incarnation
      await().atMost(Duration.ofSeconds(30)).until(() -> readyIp("b-cn-1").isEmpty());
      relay.thaw();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(c.feAddresses())
                      .as("the FE's nodes once the controller caught up")
                      .doesNotContain(newIp + ":9050")
                      .hasSize(1));
    }
  }

  private void scale(int replicas) {
    k8s.client().apps().statefulSets().inNamespace(Cluster.NS).withName("b-cn").scale(replicas);
  }

  private Optional<String> readyIp(String pod) {
    Pod p = k8s.client().pods().inNamespace(Cluster.NS).withName(pod).get();
    return Optional.ofNullable(p)
        .filter(x -> x.getMetadata().getDeletionTimestamp() == null)
        .filter(
            x ->
                x.getStatus() != null
                    && x.getStatus().getConditions() != null
                    && x.getStatus().getConditions().stream()
                        .anyMatch(
                            cond ->
                                "Ready".equals(cond.getType()) && "True".equals(cond.getStatus())))
        .map(x -> x.getStatus().getPodIP())
        .filter(ip -> ip != null && !ip.isEmpty());
  }
}
