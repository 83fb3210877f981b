package io.srcn.it.ipmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Condition;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An FE in IP mode (it resolves the names it is given and stores IPs; DNS follows each pod's
 * current IP, so a re-created pod gets a new one) with every address mode of the spec: AUTO,
 * explicit FQDN and explicit POD_IP. Through pod re-creations with new IPs, a scale-in, a
 * controller restart and the delete, the FE never lists an entry of the group that is not a Ready
 * pod's current IP (zero ghosts), and the foreign node is never touched.
 */
@CnTestkit(feMode = FeMode.IP, heartbeatMillis = Cluster.HEARTBEAT_MILLIS, namespaces = Cluster.NS)
class FeHostModeTest {
  private static final String FOREIGN = "10.200.0.1:9050";
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
    c.fe.addComputeNode("10.200.0.1", 9050);
  }

  @ParameterizedTest
  @EnumSource(AddressMode.class)
  void anIpModeFeKeepsNoGhostWhateverTheAddressMode(AddressMode mode) {
    ComputeNodeController controller = controller();
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(3)
            .addressMode(mode)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      converged(3);
      GroupStatus status = g.reconcile();
      assertThat(status.addressModeInUse())
          .contains(mode == AddressMode.FQDN ? AddressMode.FQDN : AddressMode.POD_IP);
      assertThat(status.addressModeReason().orElseThrow()).contains("IP mode");
      assertThat(status.condition(Condition.ADDRESS_MODE_MISMATCH).map(Condition::isTrue))
          .contains(mode == AddressMode.FQDN);

      recreate("g-cn-0");
      converged(3);
      recreate("g-cn-2");
      converged(3);

      g.scale(1);
      converged(1);

      controller.close();
      controller = controller();
      recreate("g-cn-0");
      converged(1);

      g.delete();
      assertThat(c.feAddresses()).containsExactly(FOREIGN);
      assertThat(c.k8s.client().configMaps().inNamespace(Cluster.NS).withName("g-cn-ledger").get())
          .isNull();
    } finally {
      controller.close();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = AddressMode.class,
      names = {"AUTO", "FQDN"})
  void anIpModeFeIsReadFromShowFrontends(AddressMode mode) {
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(1)
            .addressMode(mode)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                g.reconcile(); // no controller here: the handle's passes retry
                assertThat(c.feAddresses()).hasSize(2);
              });
      converged(1);
      String reason = g.reconcile().addressModeReason().orElseThrow();
      assertThat(reason).contains("SHOW FRONTENDS lists the leader by IP (127.0.0.1)");
      if (mode == AddressMode.FQDN) {
        assertThat(reason).contains("--host_type FQDN");
      }
      g.delete();
    }
  }

  private ComputeNodeController controller() {
    return ComputeNodeController.builder(c.k8s.client())
        .namespace(Cluster.NS)
        .resyncPeriod(Duration.ofMillis(200))
        .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
        .build()
        .start();
  }

  /** Deletes the pod and waits for its replacement to have another IP. */
  private void recreate(String pod) {
    String before = ip(pod);
    c.k8s.client().pods().inNamespace(Cluster.NS).withName(pod).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> ip(pod) != null && !ip(pod).equals(before));
  }

  private String ip(String pod) {
    Pod p = c.k8s.client().pods().inNamespace(Cluster.NS).withName(pod).get();
    return p == null || p.getStatus() == null ? null : p.getStatus().getPodIP();
  }

  /** The FE lists the foreign node and exactly the current IPs of the group's Ready pods. */
  private void converged(int replicas) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<Pod> pods = c.k8s.client().pods().inNamespace(Cluster.NS).list().getItems();
              Set<String> expected = new TreeSet<>();
              expected.add(FOREIGN);
              pods.stream()
                  .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                  .filter(FeHostModeTest::ready)
                  .forEach(p -> expected.add(p.getStatus().getPodIP() + ":9050"));
              assertThat(expected).hasSize(replicas + 1);
              assertThat(new TreeSet<>(c.feAddresses())).isEqualTo(expected);
            });
  }

  private static boolean ready(Pod p) {
    return p.getStatus() != null
        && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(x -> "Ready".equals(x.getType()) && "True".equals(x.getStatus()));
  }
}
