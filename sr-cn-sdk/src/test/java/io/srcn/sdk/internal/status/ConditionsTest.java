package io.srcn.sdk.internal.status;

import static io.srcn.sdk.internal.status.StatusSamples.pending;
import static io.srcn.sdk.internal.status.StatusSamples.serving;
import static io.srcn.sdk.internal.status.StatusSamples.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.Condition;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule: the facts, and the status/reason expected for each of the five types. */
class ConditionsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String HEALTHY =
      "Degraded=False/Healthy AddressModeMismatch=False/AddressesMatch";

  static Stream<Arguments> rules() {
    return Stream.of(
        row(
            "every desired pod serves",
            facts(3, 3, serving(0), serving(1), serving(2)),
            "Ready=True/AllNodesServing Registered=True/AllRegistered Scaling=False/Stable "
                + HEALTHY),
        row(
            "suspended at zero replicas",
            facts(0, 0).suspended(true),
            "Ready=False/Suspended Registered=True/AllRegistered Scaling=False/Stable " + HEALTHY),
        row(
            "scaling out: a desired pod does not exist yet",
            facts(3, 2, serving(0), serving(1)),
            "Ready=False/PodsNotReady Registered=True/AllRegistered Scaling=True/ScalingOut "
                + HEALTHY),
        row(
            "scaling in: the extra pod still exists and serves",
            facts(2, 3, serving(0), serving(1), serving(2)),
            "Ready=True/AllNodesServing Registered=True/AllRegistered Scaling=True/ScalingIn "
                + HEALTHY),
        row(
            "the HPA wants more than it has",
            facts(3, 3, serving(0), serving(1), serving(2)).hpa(hpa(3, 5)),
            "Ready=True/AllNodesServing Registered=True/AllRegistered"
                + " Scaling=True/AutoscalerScaling "
                + HEALTHY),
        row(
            "autoscaled below the HPA's minimum: one pod serving of a minimum of three",
            facts(1, 1, serving(0))
                .hpa(HpaStatus.builder().from(hpa(1, 3)).minReplicas(3).maxReplicas(5).build()),
            "Ready=False/BelowMinReplicas Registered=True/AllRegistered"
                + " Scaling=True/AutoscalerScaling "
                + HEALTHY),
        row(
            "a desired pod is terminating (restart)",
            facts(2, 2, serving(0), stopping(serving(1))),
            "Ready=False/PodsNotReady Registered=True/AllRegistered Scaling=True/PodsTerminating "
                + HEALTHY),
        row(
            "a desired pod is not ready",
            facts(2, 2, serving(0), pending(1)),
            "Ready=False/PodsNotReady Registered=True/AllRegistered Scaling=False/Stable "
                + HEALTHY),
        row(
            "FE unavailable while pods are ready",
            facts(2, 2, serving(0), serving(1)).frontendError("connect timed out"),
            "Ready=Unknown/FrontendUnavailable Registered=Unknown/FrontendUnavailable"
                + " Scaling=False/Stable Degraded=True/FrontendUnavailable"
                + " AddressModeMismatch=Unknown/FrontendUnavailable"),
        row(
            "FE unavailable and a pod not ready: not ready is known",
            facts(2, 2, serving(0), pending(1)).frontendError("connect timed out"),
            "Ready=False/PodsNotReady Registered=Unknown/FrontendUnavailable Scaling=False/Stable"
                + " Degraded=True/FrontendUnavailable"
                + " AddressModeMismatch=Unknown/FrontendUnavailable"),
        row(
            "credentials cannot be resolved",
            facts(1, 1, serving(0)).credentialsError("Secret ns/fe-account has no key FE_PWD"),
            "Ready=Unknown/CredentialsUnresolvable Registered=Unknown/CredentialsUnresolvable"
                + " Scaling=False/Stable Degraded=True/CredentialsUnresolvable"
                + " AddressModeMismatch=Unknown/CredentialsUnresolvable"),
        row(
            "credentials read but the FE refuses the login",
            facts(1, 1, serving(0))
                .authError(
                    "login as FE user 'tenant_a' refused: Access denied for user 'tenant_a'"),
            "Ready=Unknown/FrontendAuthFailed Registered=Unknown/FrontendAuthFailed"
                + " Scaling=False/Stable Degraded=True/FrontendAuthFailed"
                + " AddressModeMismatch=Unknown/FrontendAuthFailed"),
        row(
            "a ready pod waits to be registered",
            facts(2, 2, serving(0), unregistered(1)),
            "Ready=False/NodesNotRegistered Registered=False/NodesNotRegistered"
                + " Scaling=False/Stable "
                + HEALTHY),
        row(
            "registering a ready pod failed",
            facts(2, 2, serving(0), unregistered(1)).registrationError("Access denied"),
            "Ready=False/RegistrationFailed Registered=False/RegistrationFailed"
                + " Scaling=False/Stable Degraded=True/RegistrationFailed"
                + " AddressModeMismatch=False/AddressesMatch"),
        row(
            "a drop failed: the ghost still waits",
            facts(1, 1, serving(0)).addGhosts(ghost(1, true)).registrationError("timeout"),
            "Ready=False/GhostsPendingDrop Registered=True/AllRegistered Scaling=False/Stable"
                + " Degraded=True/RegistrationFailed AddressModeMismatch=False/AddressesMatch"),
        row(
            "a ghost below the replicas belongs to a pod being recreated",
            facts(2, 1, serving(0)).addGhosts(ghost(1, false)),
            "Ready=False/PodsNotReady Registered=True/AllRegistered Scaling=True/ScalingOut "
                + HEALTHY),
        row(
            "the FE lists a pod by IP",
            facts(1, 1, serving(0)).addMismatches(mismatch(0)),
            "Ready=False/AddressModeMismatch Registered=False/AddressModeMismatch"
                + " Scaling=False/Stable Degraded=True/AddressModeMismatch"
                + " AddressModeMismatch=True/FrontendNotInFqdnMode"),
        row(
            "a node not alive within the grace period",
            facts(2, 2, serving(0), unreachable(1)).putNotAliveSince("analytics-cn-1", ago(59)),
            "Ready=False/NodesNotAlive Registered=True/AllRegistered Scaling=False/Stable "
                + HEALTHY),
        row(
            "a node not alive beyond the grace period",
            facts(2, 2, serving(0), unreachable(1)).putNotAliveSince("analytics-cn-1", ago(60)),
            "Ready=False/NodesNotAlive Registered=True/AllRegistered Scaling=False/Stable"
                + " Degraded=True/NodesNotAlive AddressModeMismatch=False/AddressesMatch"),
        row(
            "applying the objects failed",
            facts(1, 1, serving(0)).applyError("HTTP 403"),
            "Ready=True/AllNodesServing Registered=True/AllRegistered Scaling=False/Stable"
                + " Degraded=True/ApplyFailed AddressModeMismatch=False/AddressesMatch"),
        row(
            "several problems: the first reason, every message",
            facts(1, 1, serving(0)).applyError("HTTP 403").frontendError("refused"),
            "Ready=Unknown/FrontendUnavailable Registered=Unknown/FrontendUnavailable"
                + " Scaling=False/Stable Degraded=True/FrontendUnavailable"
                + " AddressModeMismatch=Unknown/FrontendUnavailable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule(String name, ConditionFacts facts, String expected) {
    List<Condition> conditions = Conditions.compute(facts, List.of(), NOW);
    String actual =
        conditions.stream()
            .map(c -> c.type() + "=" + c.status().kubernetesValue() + "/" + c.reason())
            .collect(Collectors.joining(" "));
    assertThat(actual).isEqualTo(expected);
    assertThat(conditions).allSatisfy(c -> assertThat(c.lastTransitionTime()).contains(NOW));
  }

  static Arguments row(String name, ConditionFacts.Builder facts, String expected) {
    return Arguments.of(name, facts.build(), expected);
  }

  static ConditionFacts.Builder facts(int desired, int current, NodeStatus... nodes) {
    long ready = Stream.of(nodes).filter(NodeStatus::ready).count();
    return ConditionFacts.builder()
        .group("analytics")
        .desiredReplicas(desired)
        .currentReplicas(current)
        .readyReplicas((int) ready)
        .nodes(List.of(nodes));
  }

  static NodeStatus stopping(NodeStatus n) {
    return NodeStatus.builder().from(n).terminating(true).build();
  }

  static NodeStatus unregistered(int ordinal) {
    return NodeStatus.builder().from(pending(ordinal)).phase("Running").ready(true).build();
  }

  static GhostNode ghost(int ordinal, boolean dropPending) {
    return GhostNode.builder()
        .address("analytics-cn-" + ordinal + StatusSamples.FQDN_SUFFIX)
        .ordinal(ordinal)
        .alive(false)
        .dropPending(dropPending)
        .build();
  }

  static AddressMismatch mismatch(int ordinal) {
    return new AddressMismatch(
        "analytics-cn-" + ordinal,
        "analytics-cn-" + ordinal + StatusSamples.FQDN_SUFFIX,
        "10.0.0." + (10 + ordinal) + ":9050");
  }

  static HpaStatus hpa(int current, int desired) {
    return HpaStatus.builder()
        .minReplicas(1)
        .maxReplicas(10)
        .currentReplicas(current)
        .desiredReplicas(desired)
        .build();
  }

  static Instant ago(int seconds) {
    return NOW.minus(Duration.ofSeconds(seconds));
  }

  static Map<String, Condition> byType(List<Condition> conditions) {
    return conditions.stream().collect(Collectors.toMap(Condition::type, c -> c));
  }
}
