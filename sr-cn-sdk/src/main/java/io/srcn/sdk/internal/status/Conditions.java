package io.srcn.sdk.internal.status;

import static io.srcn.sdk.ConditionStatus.FALSE;
import static io.srcn.sdk.ConditionStatus.TRUE;
import static io.srcn.sdk.ConditionStatus.UNKNOWN;

import io.srcn.sdk.Condition;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a group's five conditions from {@link ConditionFacts}. "Desired" pods are ordinals below
 * the StatefulSet's replicas; "serving" pods are desired pods that are Ready and not terminating.
 * The first matching rule wins:
 *
 * <dl>
 *   <dt>{@code Ready}
 *   <dd>{@code False/Suspended} when suspended; {@code False/BelowMinReplicas} when the StatefulSet
 *       wants fewer pods than the HPA's minimum; {@code False/PodsNotReady} when a desired pod is
 *       missing, not Ready or terminating; {@code Unknown/CredentialsUnresolvable}, {@code
 *       Unknown/FrontendAuthFailed} or {@code Unknown/FrontendUnavailable} when the FE cannot be
 *       asked; {@code False/AddressModeMismatch} when the FE lists pods by another address; {@code
 *       False/RegistrationFailed} when a serving pod is unregistered and the last ADD failed;
 *       {@code False/NodesNotRegistered} when a serving pod is unregistered; {@code
 *       False/NodesNotAlive} when a registered pod is not Alive in the FE; {@code
 *       False/GhostsPendingDrop} when an owned node without pod waits to be dropped; otherwise
 *       {@code True/AllNodesServing}.
 *   <dt>{@code Registered}
 *   <dd>{@code Unknown/CredentialsUnresolvable}, {@code Unknown/FrontendAuthFailed}, {@code
 *       Unknown/FrontendUnavailable}; {@code False/AddressModeMismatch}; {@code
 *       False/RegistrationFailed} or {@code False/NodesNotRegistered} when a serving pod is
 *       unregistered; otherwise {@code True/AllRegistered}.
 *   <dt>{@code Scaling}
 *   <dd>{@code True/ScalingOut} or {@code True/ScalingIn} when the StatefulSet's desired replicas
 *       differ from its current ones; {@code True/AutoscalerScaling} when the HPA's desired
 *       replicas differ from its current ones; {@code True/PodsTerminating} when pods terminate;
 *       otherwise {@code False/Stable}.
 *   <dt>{@code Degraded}
 *   <dd>{@code True} when any of these holds, with the reason of the first and the messages of all:
 *       {@code CredentialsUnresolvable} (the Secret or its key cannot be read), {@code
 *       FrontendAuthFailed} (the credentials were read but the FE refused them), {@code
 *       FrontendUnavailable}, {@code RegistrationFailed}, {@code AddressModeMismatch}, {@code
 *       NodesNotAlive} (a pod Ready and registered while the FE has reported it Alive=false for
 *       longer than the grace period), {@code ApplyFailed}; otherwise {@code False/Healthy}.
 *   <dt>{@code AddressModeMismatch}
 *   <dd>{@code Unknown/CredentialsUnresolvable}, {@code Unknown/FrontendAuthFailed} or {@code
 *       Unknown/FrontendUnavailable} when the FE cannot be asked; {@code
 *       True/FrontendNotInFqdnMode} with the fix when the FE lists pods by another address;
 *       otherwise {@code False/AddressesMatch}.
 * </dl>
 *
 * <p>Messages depend only on the facts (never on the clock), and a condition keeps the {@code
 * lastTransitionTime} of the previous one of its type while its status stays the same, so a pass
 * that observes nothing new yields equal conditions.
 *
 * <p>Stateless and thread-safe.
 */
public final class Conditions {
  private static final int MAX_ERROR = 1000;

  private Conditions() {}

  /**
   * The five conditions, in the order Ready, Registered, Scaling, Degraded, AddressModeMismatch.
   *
   * @param facts what was observed
   * @param previous the conditions of the previous status (empty on the first pass)
   * @param now the time of this pass, used for new transitions and the alive grace period
   */
  public static List<Condition> compute(
      ConditionFacts facts, List<Condition> previous, Instant now) {
    Tally t = Tally.of(facts, now);
    List<Condition> fresh =
        List.of(
            ready(facts, t),
            registered(facts, t),
            scaling(facts, t),
            degraded(facts, t),
            addressMode(facts));
    return fresh.stream().map(c -> stamp(c, previous, now)).toList();
  }

  /**
   * The draft with its conditions computed, measured at the draft's {@code observedAt}.
   *
   * @param draft the status without conditions (or with stale ones, which are replaced)
   * @param facts the facts, usually {@link ConditionFacts#builderFor(GroupStatus)} plus problems
   * @param previous the conditions of the previous status (empty on the first pass)
   */
  public static GroupStatus applyTo(
      GroupStatus draft, ConditionFacts facts, List<Condition> previous) {
    return draft.withConditions(compute(facts, previous, draft.observedAt()));
  }

  static Condition ready(ConditionFacts f, Tally t) {
    String type = Condition.READY;
    if (f.suspended()) {
      return Condition.of(type, FALSE, "Suspended", "the group is suspended (0 replicas)");
    }
    Optional<Integer> minimum = f.hpa().map(HpaStatus::minReplicas);
    if (minimum.isPresent() && t.desired < minimum.get()) {
      return Condition.of(
          type,
          FALSE,
          "BelowMinReplicas",
          t.desired
              + " pods wanted, below the autoscaler's minimum of "
              + minimum.get()
              + "; waiting for the autoscaler to raise the count");
    }
    if (!t.notReady.isEmpty()) {
      int ready = t.desired - t.notReady.size();
      return Condition.of(
          type,
          FALSE,
          "PodsNotReady",
          ready + " of " + t.desired + " pods are ready; waiting for " + Tally.names(t.notReady));
    }
    Optional<Condition> unknown = frontendUnknown(type, f);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    if (!f.mismatches().isEmpty()) {
      return Condition.of(type, FALSE, "AddressModeMismatch", mismatchSummary(f));
    }
    if (!t.notRegistered.isEmpty()) {
      boolean failed = f.registrationError().isPresent();
      String message =
          (t.serving.size() - t.notRegistered.size())
              + " of "
              + t.serving.size()
              + " ready pods are registered with the FE; "
              + (failed ? "registration failed for " : "waiting to register ")
              + Tally.names(Tally.pods(t.notRegistered));
      return Condition.of(
          type, FALSE, failed ? "RegistrationFailed" : "NodesNotRegistered", message);
    }
    if (!t.notAlive.isEmpty()) {
      List<String> pods = t.notAlive.stream().map(Conditions::podWithStatusCode).toList();
      String message =
          (t.serving.size() - t.notAlive.size())
              + " of "
              + t.serving.size()
              + " registered nodes are alive in the FE; not alive: "
              + Tally.names(pods);
      return Condition.of(type, FALSE, "NodesNotAlive", message);
    }
    if (!t.ghostsPendingDrop.isEmpty()) {
      List<String> addresses = t.ghostsPendingDrop.stream().map(GhostNode::address).toList();
      return Condition.of(
          type,
          FALSE,
          "GhostsPendingDrop",
          plural(addresses.size(), "node without a pod waits", "nodes without a pod wait")
              + " to be dropped from the FE: "
              + Tally.names(addresses));
    }
    return Condition.of(
        type,
        TRUE,
        "AllNodesServing",
        t.desired + " of " + t.desired + " pods are ready, registered and alive in the FE");
  }

  static Condition registered(ConditionFacts f, Tally t) {
    String type = Condition.REGISTERED;
    Optional<Condition> unknown = frontendUnknown(type, f);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    if (!f.mismatches().isEmpty()) {
      return Condition.of(type, FALSE, "AddressModeMismatch", mismatchSummary(f));
    }
    if (!t.notRegistered.isEmpty()) {
      String pods = Tally.names(Tally.pods(t.notRegistered));
      return f.registrationError()
          .map(
              e ->
                  Condition.of(
                      type,
                      FALSE,
                      "RegistrationFailed",
                      "could not register " + pods + ": " + clip(e)))
          .orElseGet(
              () -> Condition.of(type, FALSE, "NodesNotRegistered", "waiting to register " + pods));
    }
    return Condition.of(
        type,
        TRUE,
        "AllRegistered",
        t.serving.isEmpty()
            ? "no pod is serving yet, so none needs to be registered"
            : "all " + t.serving.size() + " serving pods are registered with the FE");
  }

  static Condition scaling(ConditionFacts f, Tally t) {
    String type = Condition.SCALING;
    int desired = f.desiredReplicas();
    int current = f.currentReplicas();
    if (desired != current) {
      String message = "the StatefulSet has " + current + " pods and wants " + desired;
      return Condition.of(type, TRUE, desired > current ? "ScalingOut" : "ScalingIn", message);
    }
    if (f.hpa().isPresent() && f.hpa().get().isScaling()) {
      return Condition.of(
          type,
          TRUE,
          "AutoscalerScaling",
          "the HPA has "
              + f.hpa().get().currentReplicas()
              + " replicas and wants "
              + f.hpa().get().desiredReplicas());
    }
    if (!t.terminating.isEmpty()) {
      List<String> pods = Tally.pods(t.terminating);
      return Condition.of(
          type,
          TRUE,
          "PodsTerminating",
          plural(pods.size(), "pod is", "pods are") + " terminating: " + Tally.names(pods));
    }
    return Condition.of(
        type, FALSE, "Stable", desired + " of " + desired + " replicas; none pending");
  }

  static Condition degraded(ConditionFacts f, Tally t) {
    List<Problem> problems = new ArrayList<>();
    f.credentialsError()
        .ifPresent(
            e ->
                problems.add(
                    problem(
                        "CredentialsUnresolvable",
                        "cannot resolve the FE " + "credentials: " + clip(e))));
    f.authError()
        .ifPresent(
            e ->
                problems.add(
                    problem("FrontendAuthFailed", "the FE refused the login: " + clip(e))));
    f.frontendError()
        .ifPresent(e -> problems.add(problem("FrontendUnavailable", "no FE answered: " + clip(e))));
    f.registrationError()
        .ifPresent(
            e -> problems.add(problem("RegistrationFailed", "registration failed: " + clip(e))));
    if (!f.mismatches().isEmpty()) {
      problems.add(problem("AddressModeMismatch", mismatchSummary(f)));
    }
    if (!t.unreachable.isEmpty()) {
      List<String> nodes = t.unreachable.stream().map(Conditions::nodeWithError).toList();
      problems.add(
          problem(
              "NodesNotAlive",
              "the FE has not reached "
                  + plural(nodes.size(), "ready pod", "ready pods")
                  + " for more than "
                  + Durations.human(f.aliveGracePeriod())
                  + ": "
                  + Tally.names(nodes)));
    }
    f.applyError()
        .ifPresent(
            e ->
                problems.add(
                    problem(
                        "ApplyFailed", "applying the Kubernetes objects " + "failed: " + clip(e))));
    if (problems.isEmpty()) {
      return Condition.of(Condition.DEGRADED, FALSE, "Healthy", "no problem detected");
    }
    String message = String.join("; ", problems.stream().map(Problem::message).toList());
    return Condition.of(Condition.DEGRADED, TRUE, problems.get(0).reason(), message);
  }

  static Condition addressMode(ConditionFacts f) {
    String type = Condition.ADDRESS_MODE_MISMATCH;
    Optional<Condition> unknown = frontendUnknown(type, f);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    if (f.mismatches().isEmpty()) {
      return Condition.of(
          type, FALSE, "AddressesMatch", "the FE lists every pod under the address registered");
    }
    String message =
        "the FE lists "
            + Tally.names(f.mismatches().stream().map(AddressMismatch::toString).toList())
            + ": it does not run in FQDN mode and stored the IP the name resolved to. Fix: run"
            + " the FE in FQDN mode (start_fe.sh --host_type FQDN, as the StarRocks operator does),"
            + " or deploy the group in IP address mode. The SDK does not re-add these pods"
            + " meanwhile.";
    return Condition.of(type, TRUE, "FrontendNotInFqdnMode", message);
  }

  /** Keeps the previous transition time while the status is unchanged. */
  static Condition stamp(Condition fresh, List<Condition> previous, Instant now) {
    Optional<Instant> kept =
        previous.stream()
            .filter(p -> p.type().equals(fresh.type()) && p.status() == fresh.status())
            .findFirst()
            .flatMap(Condition::lastTransitionTime);
    return fresh.withLastTransitionTime(kept.orElse(now));
  }

  private static Optional<Condition> frontendUnknown(String type, ConditionFacts f) {
    if (f.credentialsError().isPresent()) {
      return Optional.of(
          Condition.of(
              type,
              UNKNOWN,
              "CredentialsUnresolvable",
              "the FE cannot be asked: credentials unresolvable: "
                  + clip(f.credentialsError().get())));
    }
    if (f.authError().isPresent()) {
      return Optional.of(
          Condition.of(
              type,
              UNKNOWN,
              "FrontendAuthFailed",
              "the FE cannot be asked: it refused the login: " + clip(f.authError().get())));
    }
    return f.frontendError()
        .map(e -> Condition.of(type, UNKNOWN, "FrontendUnavailable", "no FE answered: " + clip(e)));
  }

  private static String mismatchSummary(ConditionFacts f) {
    int n = f.mismatches().size();
    return "the FE lists "
        + plural(n, "pod", "pods")
        + " by IP instead of by name: "
        + Tally.names(f.mismatches().stream().map(m -> m.pod() + " as " + m.listed()).toList());
  }

  private static String podWithStatusCode(NodeStatus n) {
    return n.pod() + n.statusCode().map(c -> " (" + c + ")").orElse("");
  }

  private static String nodeWithError(NodeStatus n) {
    String at = n.pod() + n.address().map(a -> " at " + a).orElse("");
    return at + n.errMsg().map(e -> " (" + clip(e) + ")").orElse("");
  }

  private static Problem problem(String reason, String message) {
    return new Problem(reason, message);
  }

  private record Problem(String reason, String message) {}

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String clip(String text) {
    String s = text.strip();
    return s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) + "..." : s;
  }
}
