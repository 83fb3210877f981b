package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.status.StatusSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupStatusValuesTest {
  @Test
  void nodesAndGhostsAreKeptInOrdinalOrder() {
    GhostNode g5 = ghost("10.0.0.5:9050", 5);
    GhostNode g4b = ghost("10.0.0.9:9050", 4);
    GhostNode g4a = ghost("10.0.0.1:9050", 4);
    GroupStatus s =
        GroupStatus.builder()
            .from(StatusSamples.empty())
            .nodes(List.of(StatusSamples.serving(2), StatusSamples.serving(0)))
            .ghosts(List.of(g5, g4b, g4a))
            .build();
    assertThat(s.nodes()).extracting(NodeStatus::ordinal).containsExactly(0, 2);
    assertThat(s.ghosts()).containsExactly(g4a, g4b, g5);
  }

  @Test
  void conditionLookupAndReadiness() {
    GroupStatus rich = StatusSamples.rich();
    assertThat(rich.condition(Condition.REGISTERED)).map(Condition::isTrue).contains(true);
    assertThat(rich.condition(Condition.DEGRADED)).isEmpty();
    assertThat(rich.isReady()).isFalse();
    assertThat(rich.registeredCount()).isEqualTo(3);
    assertThat(rich.aliveCount()).isEqualTo(2);
    Condition ready = Condition.of(Condition.READY, ConditionStatus.TRUE, "AllNodesServing", "ok");
    assertThat(rich.withConditions(List.of(ready)).isReady()).isTrue();
    assertThat(StatusSamples.empty().isReady()).isFalse();
  }

  @Test
  void statusRejectsDuplicatesAndNegativeCountsAllAtOnce() {
    Condition ready = Condition.of(Condition.READY, ConditionStatus.TRUE, "Ok", "ok");
    assertThatThrownBy(
            () ->
                GroupStatus.builder()
                    .from(StatusSamples.empty())
                    .namespace("")
                    .desiredReplicas(-1)
                    .nodes(List.of(StatusSamples.serving(1), StatusSamples.serving(1)))
                    .conditions(List.of(ready, ready))
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "status.namespace: must not be empty",
                        "status.desiredReplicas: -1 must be >= 0",
                        "status.nodes: more than one entry with ordinal 1",
                        "status.nodes: more than one entry with pod analytics-cn-1",
                        "status.conditions: more than one entry with type Ready"));
  }

  @Test
  void missingMandatoryFieldIsAnInvalidSpecException() {
    assertThatThrownBy(() -> GroupStatus.builder().namespace("ns").build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("name");
  }

  @Test
  void unregisteredNodeCarriesNoFrontendColumns() {
    assertThatThrownBy(
            () ->
                NodeStatus.builder()
                    .from(StatusSamples.unreachable(0))
                    .registered(false)
                    .restarts(-2)
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "node[analytics-cn-0].restarts: -2 must be >= 0",
                        "node[analytics-cn-0].alive: must be empty when the node is not registered",
                        "node[analytics-cn-0].statusCode: must be empty when the node is not"
                            + " registered",
                        "node[analytics-cn-0].lastHeartbeat: must be empty when the node is not"
                            + " registered",
                        "node[analytics-cn-0].runningQueries: must be empty when the node is not"
                            + " registered",
                        "node[analytics-cn-0].errMsg: must be empty when the node is not"
                            + " registered"));
  }

  @Test
  void nodeAddressMustBeHostAndPort() {
    assertThatThrownBy(
            () -> NodeStatus.builder().from(StatusSamples.serving(0)).address("x';--").build())
        .hasMessageContaining("node[analytics-cn-0].address: invalid address 'x';--'");
  }

  @Test
  void servingMeansReadyRegisteredAndAlive() {
    assertThat(StatusSamples.serving(0).isServing()).isTrue();
    assertThat(StatusSamples.unreachable(0).isServing()).isFalse();
    assertThat(StatusSamples.pending(0).isServing()).isFalse();
    NodeStatus stopping =
        NodeStatus.builder().from(StatusSamples.serving(0)).terminating(true).build();
    assertThat(stopping.isServing()).isFalse();
  }

  @Test
  void hpaBoundsAreChecked() {
    assertThatThrownBy(
            () ->
                HpaStatus.builder()
                    .minReplicas(5)
                    .maxReplicas(3)
                    .currentReplicas(-1)
                    .desiredReplicas(3)
                    .build())
        .hasMessageContaining("hpa.minReplicas: 5 must be <= maxReplicas 3")
        .hasMessageContaining("hpa.currentReplicas: -1 must be >= 0");
    HpaStatus scaling =
        HpaStatus.builder()
            .minReplicas(1)
            .maxReplicas(3)
            .currentReplicas(1)
            .desiredReplicas(3)
            .build();
    assertThat(scaling.isScaling()).isTrue();
  }

  @Test
  void ghostAddressMustBeHostAndPort() {
    assertThatThrownBy(() -> ghost("a b:9050", 0))
        .hasMessageContaining("ghost.address: invalid address 'a b:9050'");
    assertThat(ghost("[fd00::7]:9050", 0).address()).isEqualTo("[fd00::7]:9050");
  }

  @Test
  void conditionReasonAndTypeMustBeCamelCase() {
    assertThatThrownBy(() -> Condition.of("ready", ConditionStatus.TRUE, "not ok", ""))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("condition.type", "condition.reason", "condition.message"));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Condition c = Condition.of("Ready", ConditionStatus.FALSE, "Why_Not:1", "m");
    assertThat(c.withLastTransitionTime(t).lastTransitionTime()).contains(t);
    assertThat(c.lastTransitionTime()).isEmpty();
  }

  @Test
  void conditionStatusSpellsLikeKubernetes() {
    assertThat(ConditionStatus.fromKubernetesValue("Unknown")).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(ConditionStatus.TRUE.kubernetesValue()).isEqualTo("True");
    assertThatThrownBy(() -> ConditionStatus.fromKubernetesValue("true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'true' is not a condition status (True, False or Unknown)");
    assertThatThrownBy(() -> ConditionStatus.fromKubernetesValue(null))
        .hasMessage("null is not a condition status (True, False or Unknown)");
  }

  @Test
  void groupEventIsValidated() {
    GroupEvent ok =
        GroupEvent.builder()
            .namespace("ns")
            .group("g")
            .type(GroupEvent.Type.NORMAL)
            .reason(GroupEvent.NODE_REGISTERED)
            .message("registered a:9050")
            .addAddresses("a:9050")
            .time(Instant.EPOCH)
            .build();
    assertThat(ok.type().kubernetesValue()).isEqualTo("Normal");
    assertThatThrownBy(
            () -> GroupEvent.builder().from(ok).namespace("").reason("lower").message(" ").build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("event.namespace", "event.reason", "event.message"));
  }

  private static GhostNode ghost(String address, int ordinal) {
    return GhostNode.builder()
        .address(address)
        .ordinal(ordinal)
        .alive(false)
        .dropPending(true)
        .build();
  }
}
