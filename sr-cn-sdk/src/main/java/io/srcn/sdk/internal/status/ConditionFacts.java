package io.srcn.sdk.internal.status;

import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link Conditions} decides from: the Kubernetes and FE observations of one group, and the
 * problems the reconciler ran into during the pass. {@link #builderFor(GroupStatus)} copies the
 * observations from a status drafted without conditions.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class ConditionFacts {
  /** The default time a node may stay Alive=false in the FE while its pod is Ready. */
  public static final Duration DEFAULT_ALIVE_GRACE = Duration.ofSeconds(60);

  ConditionFacts() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding the group, replicas, nodes, ghosts and HPA of {@code draft}. */
  public static Builder builderFor(GroupStatus draft) {
    return builder()
        .group(draft.name())
        .desiredReplicas(draft.desiredReplicas())
        .currentReplicas(draft.currentReplicas())
        .readyReplicas(draft.readyReplicas())
        .nodes(draft.nodes())
        .ghosts(draft.ghosts())
        .hpa(draft.hpa());
  }

  /** The group name (to name pods that do not exist yet). */
  public abstract String group();

  /** The StatefulSet's {@code spec.replicas}. */
  public abstract int desiredReplicas();

  /** The StatefulSet's {@code status.replicas}. */
  public abstract int currentReplicas();

  /** The StatefulSet's {@code status.readyReplicas}. */
  public abstract int readyReplicas();

  /** One row per existing pod. */
  public abstract List<NodeStatus> nodes();

  /** Owned FE nodes no pod answers to. */
  public abstract List<GhostNode> ghosts();

  /** The HPA, when the group autoscales. */
  public abstract Optional<HpaStatus> hpa();

  /** True when the group is suspended (scaled to zero on purpose). */
  @Value.Default
  public boolean suspended() {
    return false;
  }

  /** Present when no FE address answered in this pass: the last error. */
  public abstract Optional<String> frontendError();

  /** Present when the FE credentials could not be resolved: why (never the secret's value). */
  public abstract Optional<String> credentialsError();

  /**
   * Present when the credentials were resolved but the FE refused them (wrong password, unknown
   * user, missing privilege): the error with the fix, naming the user and never the password.
   */
  public abstract Optional<String> authError();

  /** Present when the last ADD or DROP failed: the error. */
  public abstract Optional<String> registrationError();

  /** Present when applying the Kubernetes objects failed: the error. */
  public abstract Optional<String> applyError();

  /** Serving pods the FE lists under another address than the one registered. */
  public abstract List<AddressMismatch> mismatches();

  /**
   * For each pod that is Ready and registered while the FE reports it Alive=false: since when (see
   * {@link NotAliveTracker}).
   */
  public abstract Map<String, Instant> notAliveSince();

  /** How long a Ready pod may stay Alive=false before the group counts as degraded. */
  @Value.Default
  public Duration aliveGracePeriod() {
    return DEFAULT_ALIVE_GRACE;
  }

  /**
   * True when the FE's view is unknown in this pass (FE unreachable, credentials missing or
   * refused).
   */
  public boolean frontendUnknown() {
    return frontendError().isPresent() || credentialsError().isPresent() || authError().isPresent();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("facts");
    v.require(!group().isEmpty(), "group", "must not be empty");
    v.require(desiredReplicas() >= 0, "desiredReplicas", "must be >= 0");
    v.require(currentReplicas() >= 0, "currentReplicas", "must be >= 0");
    v.require(readyReplicas() >= 0, "readyReplicas", "must be >= 0");
    v.require(!aliveGracePeriod().isNegative(), "aliveGracePeriod", "must not be negative");
    v.throwIfAny();
  }

  /** Builds {@link ConditionFacts}. Not thread-safe. */
  public static final class Builder extends ImmutableConditionFacts.Builder {
    Builder() {}
  }
}
