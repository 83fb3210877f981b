package io.srcn.sdk.internal.status;

import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import java.time.Instant;
import java.util.List;

/** Sample statuses shared by the status tests. */
public final class StatusSamples {
  public static final Instant OBSERVED = Instant.parse("2026-11-25T10:00:00Z");
  public static final String FQDN_SUFFIX = ".analytics-cn-search.starrocks.svc.cluster.local:9050";

  private StatusSamples() {}

  /** A healthy registered, alive node. */
  public static NodeStatus serving(int ordinal) {
    return NodeStatus.builder()
        .pod("analytics-cn-" + ordinal)
        .ordinal(ordinal)
        .address("analytics-cn-" + ordinal + FQDN_SUFFIX)
        .phase("Running")
        .ready(true)
        .terminating(false)
        .restarts(0)
        .registered(true)
        .alive(true)
        .statusCode("OK")
        .lastHeartbeat(OBSERVED.minusSeconds(3))
        .runningQueries(2)
        .build();
  }

  /** A pod that exists but is not Ready and not registered. */
  public static NodeStatus pending(int ordinal) {
    return NodeStatus.builder()
        .pod("analytics-cn-" + ordinal)
        .ordinal(ordinal)
        .address("analytics-cn-" + ordinal + FQDN_SUFFIX)
        .phase("Pending")
        .ready(false)
        .terminating(false)
        .restarts(0)
        .registered(false)
        .build();
  }

  /** A Ready pod the FE reports dead. */
  public static NodeStatus unreachable(int ordinal) {
    return NodeStatus.builder()
        .from(serving(ordinal))
        .alive(false)
        .statusCode("DISCONNECTED")
        .lastHeartbeat(OBSERVED.minusSeconds(200))
        .runningQueries(0)
        .errMsg("java.net.UnknownHostException: analytics-cn-" + ordinal)
        .restarts(1)
        .build();
  }

  /** A rich status: HPA, three nodes (one unreachable), a ghost pending drop, conditions. */
  public static GroupStatus rich() {
    NodeStatus sick = Hints.apply(unreachable(1));
    return GroupStatus.builder()
        .namespace("starrocks")
        .name("analytics")
        .observedGeneration(7)
        .observedAt(OBSERVED)
        .desiredReplicas(3)
        .currentReplicas(3)
        .readyReplicas(3)
        .hpa(
            HpaStatus.builder()
                .minReplicas(1)
                .maxReplicas(10)
                .currentReplicas(3)
                .desiredReplicas(3)
                .lastScaleTime(OBSERVED.minusSeconds(1200))
                .apiVersion("autoscaling/v2")
                .build())
        .nodes(List.of(serving(0), sick, serving(2)))
        .addGhosts(
            GhostNode.builder()
                .address("analytics-cn-3" + FQDN_SUFFIX)
                .ordinal(3)
                .alive(false)
                .errMsg("java.net.UnknownHostException: analytics-cn-3")
                .dropPending(true)
                .build())
        .conditions(
            List.of(
                condition(
                    Condition.READY,
                    ConditionStatus.FALSE,
                    "NodesNotAlive",
                    "2 of 3 registered nodes are alive in the FE; not alive: analytics-cn-1"
                        + " (DISCONNECTED)",
                    120),
                condition(
                    Condition.REGISTERED,
                    ConditionStatus.TRUE,
                    "AllRegistered",
                    "all 3 serving pods are registered with the FE",
                    900),
                condition(
                    Condition.SCALING,
                    ConditionStatus.FALSE,
                    "Stable",
                    "3 of 3 replicas; none pending",
                    1200)))
        .build();
  }

  /** A minimal status: no HPA, no nodes, no ghosts, no conditions. */
  public static GroupStatus empty() {
    return GroupStatus.builder()
        .namespace("ns")
        .name("g")
        .observedGeneration(0)
        .observedAt(OBSERVED)
        .desiredReplicas(0)
        .currentReplicas(0)
        .readyReplicas(0)
        .build();
  }

  private static Condition condition(
      String type, ConditionStatus status, String reason, String message, int ageSeconds) {
    return Condition.of(type, status, reason, message)
        .withLastTransitionTime(OBSERVED.minusSeconds(ageSeconds));
  }
}
