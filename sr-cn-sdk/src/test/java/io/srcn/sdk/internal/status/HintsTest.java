package io.srcn.sdk.internal.status;

import static io.srcn.sdk.internal.status.StatusSamples.pending;
import static io.srcn.sdk.internal.status.StatusSamples.serving;
import static io.srcn.sdk.internal.status.StatusSamples.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.NodeStatus;
import org.junit.jupiter.api.Test;

class HintsTest {
  @Test
  void healthyOrNotReadyPodsNeedNoHint() {
    assertThat(Hints.forNode(serving(0))).isEmpty();
    assertThat(Hints.forNode(pending(0))).isEmpty();
    assertThat(Hints.apply(NodeStatus.builder().from(serving(0)).hint("stale").build()).hint())
        .isEmpty();
  }

  @Test
  void readyButUnregisteredSaysTheSdkAddsIt() {
    NodeStatus n = ConditionsTest.unregistered(2);
    assertThat(Hints.forNode(n))
        .contains(
            "Ready but not registered with the FE yet; the SDK adds analytics-cn-2"
                + StatusSamples.FQDN_SUFFIX);
  }

  @Test
  void connectingWaitsForTheFirstHeartbeat() {
    NodeStatus n =
        NodeStatus.builder().from(unreachable(0)).statusCode("CONNECTING").errMsg("").build();
    assertThat(Hints.forNode(n))
        .contains(
            "registered; waiting for the FE's first heartbeat to analytics-cn-0"
                + StatusSamples.FQDN_SUFFIX);
  }

  @Test
  void unreachableByNameMentionsDnsAndByIpDoesNot() {
    assertThat(Hints.forNode(unreachable(0)))
        .contains(
            "FE cannot reach analytics-cn-0"
                + StatusSamples.FQDN_SUFFIX
                + ": java.net.UnknownHostException: analytics-cn-0; check that the FE resolves"
                + " pod DNS names (cluster DNS reachable from the FE, FE in FQDN mode), that no"
                + " NetworkPolicy blocks the FE from the heartbeat port, and that the CN listens"
                + " on it");
    NodeStatus byIp =
        NodeStatus.builder()
            .from(unreachable(0))
            .address("10.1.2.3:9050")
            .errMsg("connect refused")
            .build();
    assertThat(Hints.forNode(byIp))
        .contains(
            "FE cannot reach 10.1.2.3:9050: connect refused; check that no NetworkPolicy blocks"
                + " the FE from the heartbeat port, and that the CN listens on it");
  }
}
