package io.srcn.sdk.internal.status;

import static io.srcn.sdk.internal.status.ConditionsTest.facts;
import static io.srcn.sdk.internal.status.ConditionsTest.mismatch;
import static io.srcn.sdk.internal.status.StatusSamples.serving;
import static io.srcn.sdk.internal.status.StatusSamples.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages name pods and addresses; transition times survive passes that change nothing. */
class ConditionMessagesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void podsNotReadyNamesAtMostFivePods() {
    Map<String, Condition> c = compute(facts(8, 1, serving(0)), T0);
    assertThat(c.get(Condition.READY).message())
        .isEqualTo(
            "1 of 8 pods are ready; waiting for analytics-cn-1, analytics-cn-2, analytics-cn-3,"
                + " analytics-cn-4, analytics-cn-5 and 2 more");
    assertThat(c.get(Condition.SCALING).message())
        .isEqualTo("the StatefulSet has 1 pods and wants 8");
  }

  @Test
  void addressModeMismatchSaysHowToFixIt() {
    Map<String, Condition> c = compute(facts(1, 1, serving(0)).addMismatches(mismatch(0)), T0);
    assertThat(c.get(Condition.ADDRESS_MODE_MISMATCH).message())
        .isEqualTo(
            "the FE lists analytics-cn-0 as 10.0.0.10:9050 instead of analytics-cn-0"
                + StatusSamples.FQDN_SUFFIX
                + ": it does not run in FQDN mode and stored the IP the name resolved to. Fix:"
                + " run the FE in FQDN mode (start_fe.sh --host_type FQDN, as the StarRocks"
                + " operator does), or deploy the group in IP address mode. The SDK does not"
                + " re-add these pods meanwhile.");
    assertThat(c.get(Condition.REGISTERED).message())
        .isEqualTo("the FE lists 1 pod by IP instead of by name: analytics-cn-0 as 10.0.0.10:9050");
  }

  @Test
  void degradedListsEveryProblemWithTheFrontendErrorAndTheDeadNodes() {
    ConditionFacts f =
        facts(2, 2, serving(0), unreachable(1))
            .putNotAliveSince("analytics-cn-1", T0.minusSeconds(600))
            .aliveGracePeriod(Duration.ofSeconds(90))
            .applyError("apply StatefulSet ns/analytics-cn failed (HTTP 403)")
            .build();
    Condition degraded = compute(f, T0).get(Condition.DEGRADED);
    assertThat(degraded.reason()).isEqualTo("NodesNotAlive");
    assertThat(degraded.message())
        .isEqualTo(
            "the FE has not reached 1 ready pod for more than 90s: analytics-cn-1 at"
                + " analytics-cn-1"
                + StatusSamples.FQDN_SUFFIX
                + " (java.net.UnknownHostException: analytics-cn-1); applying the Kubernetes"
                + " objects failed: apply StatefulSet ns/analytics-cn failed (HTTP 403)");
    assertThat(compute(f, T0).get(Condition.READY).message())
        .isEqualTo(
            "1 of 2 registered nodes are alive in the FE; not alive: analytics-cn-1"
                + " (DISCONNECTED)");
  }

  @Test
  void aVeryLongErrorIsClipped() {
    String huge = "x".repeat(5000);
    Condition degraded = compute(facts(0, 0).frontendError(huge), T0).get(Condition.DEGRADED);
    assertThat(degraded.message()).hasSize("no FE answered: ".length() + 1000 + 3).endsWith("...");
  }

  @Test
  void aPassThatObservesNothingNewYieldsEqualConditions() {
    ConditionFacts f = facts(2, 2, serving(0), serving(1)).build();
    List<Condition> first = Conditions.compute(f, List.of(), T0);
    List<Condition> second = Conditions.compute(f, first, T0.plusSeconds(30));
    assertThat(second).isEqualTo(first);
    assertThat(second).allSatisfy(c -> assertThat(c.lastTransitionTime()).contains(T0));
  }

  @Test
  void onlyAConditionWhoseStatusChangedGetsANewTransitionTime() {
    List<Condition> first =
        Conditions.compute(facts(2, 2, serving(0), serving(1)).build(), List.of(), T0);
    Instant later = T0.plusSeconds(45);
    NodeStatus gone = NodeStatus.builder().from(serving(1)).terminating(true).build();
    Map<String, Condition> second =
        byType(Conditions.compute(facts(2, 2, serving(0), gone).build(), first, later));
    assertThat(second.get(Condition.READY).status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(second.get(Condition.READY).lastTransitionTime()).contains(later);
    assertThat(second.get(Condition.SCALING).lastTransitionTime()).contains(later);
    assertThat(second.get(Condition.REGISTERED).lastTransitionTime()).contains(T0);
    assertThat(second.get(Condition.DEGRADED).lastTransitionTime()).contains(T0);
  }

  @Test
  void aReasonChangeWithoutStatusChangeKeepsTheTransitionTime() {
    List<Condition> first = Conditions.compute(facts(3, 2, serving(0)).build(), List.of(), T0);
    Instant later = T0.plusSeconds(10);
    Condition ready =
        byType(
                Conditions.compute(
                    facts(1, 1, ConditionsTest.unregistered(0)).build(), first, later))
            .get(Condition.READY);
    assertThat(ready.reason()).isEqualTo("NodesNotRegistered");
    assertThat(ready.lastTransitionTime()).contains(T0);
  }

  private static Map<String, Condition> compute(ConditionFacts.Builder f, Instant now) {
    return compute(f.build(), now);
  }

  private static Map<String, Condition> compute(ConditionFacts f, Instant now) {
    return byType(Conditions.compute(f, List.of(), now));
  }

  private static Map<String, Condition> byType(List<Condition> conditions) {
    return ConditionsTest.byType(conditions);
  }
}
