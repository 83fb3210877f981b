package io.srcn.it.ipmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CnTestkit(feMode = FeMode.IP, heartbeatMillis = Cluster.HEARTBEAT_MILLIS, namespaces = Cluster.NS)
class IpModeTest {
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  private List<String> podAddresses() {
    return c.k8s.client().pods().inNamespace(Cluster.NS).list().getItems().stream()
        .map(Pod::getStatus)
        .map(s -> s.getPodIP() + ":9050")
        .sorted()
        .toList();
  }

  private ConfigMap ledger() {
    return c.k8s.client().configMaps().inNamespace(Cluster.NS).withName("g-cn-ledger").get();
  }

  @Test
  void registersPodIpsRecordsThemInTheLedgerAndDropsThemByIp() {
    c.fe.addComputeNode("10.200.0.1", 9050);
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(2)
            .addressMode(AddressMode.POD_IP)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
      List<String> pods = podAddresses();
      assertThat(c.feAddresses()).containsAll(pods).contains("10.200.0.1:9050").hasSize(3);
      assertThat(ledger().getData().values())
          .hasSize(2)
          .anyMatch(v -> v.startsWith("g-cn-0@"))
          .anyMatch(v -> v.startsWith("g-cn-1@"));

      g.scale(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                g.reconcile();
                assertThat(c.feAddresses()).hasSize(2).contains("10.200.0.1:9050");
                assertThat(ledger().getData())
                    .containsOnlyKeys(podAddresses().get(0).replace(':', '_'));
              });
      g.delete();
    }
    assertThat(c.feAddresses()).containsExactly("10.200.0.1:9050");
    assertThat(ledger()).isNull();
  }

  @Test
  void aStaleLedgerEntryIsForgottenOnlyOnceItIsOlderThanTheGrace() {
    try (ComputeNodeGroup g =
        c.spec("g")
            .addressMode(AddressMode.POD_IP)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
      // two entries for addresses no pod has and the FE does not list: one just recorded (another
      // engine is about to ADD it), one recorded long ago (its ADD never happened)
      long now = System.currentTimeMillis();
      ConfigMap cm = ledger();
      cm.getData().put("10.9.9.9_9050", "g-cn-7@" + now);
      cm.getData().put("10.9.9.8_9050", "g-cn-8@" + (now - Duration.ofMinutes(3).toMillis()));
      c.k8s.client().configMaps().resource(cm).update();

      g.reconcile();

      assertThat(ledger().getData())
          .containsKey("10.9.9.9_9050")
          .doesNotContainKey("10.9.9.8_9050")
          .containsKey(podAddresses().get(0).replace(':', '_'));
    }
  }

  @Test
  void controllerDropsADeletedGroupsNodesByIpAndThenDeletesItsLedger() {
    c.fe.addComputeNode("10.200.0.1", 9050);
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(2)
            .addressMode(AddressMode.POD_IP)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      g.awaitReady(Duration.ofSeconds(30));
    }
    try (ComputeNodeController controller =
        ComputeNodeController.builder(c.k8s.client())
            .namespace(Cluster.NS)
            .resyncPeriod(Duration.ofMillis(300))
            .credentialsResolver((cr, ns) -> c.fe.frontend().credentials())
            .build()
            .start()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> controller.status(Cluster.NS, "g").isPresent());
      c.k8s.client().apps().statefulSets().inNamespace(Cluster.NS).withName("g-cn").delete();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(c.feAddresses()).containsExactly("10.200.0.1:9050");
                assertThat(ledger()).isNull();
              });
    }
  }

  @Test
  void fqdnGroupOnAnIpModeFeReportsTheMismatchInsteadOfLooping() {
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(1)
            .addressMode(AddressMode.FQDN)
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  g.reconcile()
                      .condition(Condition.ADDRESS_MODE_MISMATCH)
                      .map(x -> x.status() == ConditionStatus.TRUE)
                      .orElse(false));
      for (int i = 0; i < 3; i++) {
        g.reconcile();
      }
      GroupStatus status = g.status();
      assertThat(status.isReady()).isFalse();
      assertThat(status.condition(Condition.ADDRESS_MODE_MISMATCH).orElseThrow().message())
          .contains("FQDN");
      assertThat(c.alters()).hasSize(1);
    }
  }
}
