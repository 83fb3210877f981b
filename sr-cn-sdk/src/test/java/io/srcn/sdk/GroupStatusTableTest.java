package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.internal.status.StatusSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupStatusTableTest {
  @Test
  void richStatusPrintsHeaderConditionsNodesHintsAndGhosts() {
    String expected =
        """
        GROUP        starrocks/analytics
        GENERATION   7
        OBSERVED     2026-11-25T10:00:00Z
        REPLICAS     desired 3, current 3, ready 3
        HPA          autoscaling/v2, min 1, max 10, current 3, desired 3, last scale 20m ago
        FE           3 registered, 2 alive, 1 ghost

        CONDITION    STATUS   REASON          AGE   MESSAGE
        Ready        False    NodesNotAlive   2m    2 of 3 registered nodes are alive in the FE; not alive: analytics-cn-1 (DISCONNECTED)
        Registered   True     AllRegistered   15m   all 3 serving pods are registered with the FE
        Scaling      False    Stable          20m   3 of 3 replicas; none pending

        POD              PHASE     READY   RESTARTS   ADDRESS                                                               REGISTERED   ALIVE   STATUS         HEARTBEAT   QUERIES   ERROR
        analytics-cn-0   Running   true    0          analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050   true         true    OK             3s ago      2         -
        analytics-cn-1   Running   true    1          analytics-cn-1.analytics-cn-search.starrocks.svc.cluster.local:9050   true         false   DISCONNECTED   3m20s ago   0         java.net.UnknownHostException: analytics-cn-1
        analytics-cn-2   Running   true    0          analytics-cn-2.analytics-cn-search.starrocks.svc.cluster.local:9050   true         true    OK             3s ago      2         -

        POD              HINT
        analytics-cn-1   FE cannot reach analytics-cn-1.analytics-cn-search.starrocks.svc.cluster.local:9050: java.net.UnknownHostException: analytics-cn-1; check that the FE resolves pod DNS names (cluster DNS reachable from the FE, FE in FQDN mode), that no NetworkPolicy blocks the FE from the heartbeat port, and that the CN listens on it

        GHOST                                                                 ORDINAL   ALIVE   DROP PENDING   ERROR
        analytics-cn-3.analytics-cn-search.starrocks.svc.cluster.local:9050   3         false   true           java.net.UnknownHostException: analytics-cn-3
        """;
    assertThat(StatusSamples.rich().toTable()).isEqualTo(expected);
  }

  @Test
  void emptyStatusSaysNoneForEachSection() {
    String expected =
        """
        GROUP        ns/g
        GENERATION   0
        OBSERVED     2026-11-25T10:00:00Z
        REPLICAS     desired 0, current 0, ready 0
        HPA          none
        FE           0 registered, 0 alive, 0 ghosts

        CONDITIONS: none

        NODES: none

        GHOSTS: none
        """;
    assertThat(StatusSamples.empty().toTable()).isEqualTo(expected);
  }

  @Test
  void unregisteredAndTerminatingPodsShowDashesAndTerminating() {
    NodeStatus stopping =
        NodeStatus.builder()
            .from(StatusSamples.pending(1))
            .phase("Running")
            .terminating(true)
            .build();
    NodeStatus noAddress =
        NodeStatus.builder().from(StatusSamples.pending(0)).address((String) null).build();
    GroupStatus s =
        GroupStatus.builder()
            .from(StatusSamples.empty())
            .nodes(List.of(noAddress, stopping))
            .build();
    assertThat(s.toTable())
        .contains(
            """
            POD              PHASE         READY   RESTARTS   ADDRESS                                                               REGISTERED   ALIVE   STATUS   HEARTBEAT   QUERIES   ERROR
            analytics-cn-0   Pending       false   0          -                                                                     false        -       -        -           -         -
            analytics-cn-1   Terminating   false   0          analytics-cn-1.analytics-cn-search.starrocks.svc.cluster.local:9050   false        -       -        -           -         -
            """);
  }

  @Test
  void hostileFrontendTextCannotBreakTheLayout() {
    NodeStatus evil =
        NodeStatus.builder()
            .from(StatusSamples.unreachable(0))
            .errMsg("line one\nFAKE-ROW   Running\r\u001b[31mred\u202e  x" + "y".repeat(3000))
            .build();
    String table =
        GroupStatus.builder().from(StatusSamples.empty()).addNodes(evil).build().toTable();
    List<String> nodeLines =
        table.lines().filter(l -> l.startsWith("analytics-cn-0") || l.startsWith("FAKE")).toList();
    assertThat(nodeLines).hasSize(1);
    assertThat(nodeLines.get(0))
        .contains("line one FAKE-ROW Running [31mred xyyy")
        .doesNotContain("\u001b", "\u202e", "\r")
        .endsWith("...");
    assertThat(nodeLines.get(0).length()).isLessThan(2300);
  }

  @Test
  void summaryNamesTheConditionsThatNeedAttention() {
    assertThat(StatusSamples.rich().summary())
        .isEqualTo(
            "starrocks/analytics gen 7: 3 desired, 3 current, 3 ready, 3 registered, 2 alive,"
                + " 1 ghost; Ready=False (NodesNotAlive)");
  }
}
