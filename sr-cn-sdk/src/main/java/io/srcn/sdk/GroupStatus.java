package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.internal.status.StatusJson;
import io.srcn.sdk.internal.status.StatusTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One status of a CN group joining the Kubernetes view (StatefulSet replicas, pods, HPA) and the FE
 * view ({@code SHOW COMPUTE NODES}): one {@link NodeStatus} row per pod in ordinal order, the
 * {@link GhostNode}s the group owns in the FE that no pod answers to, and {@link Condition}s.
 *
 * <p>Conditions (the exact rules are documented on {@code internal.status.Conditions}):
 *
 * <ul>
 *   <li>{@code Ready}: every desired pod is Ready, registered with the FE and Alive there, and no
 *       ghost waits to be dropped. {@link #isReady()} reads it.
 *   <li>{@code Registered}: every serving pod is registered under the address the SDK registered.
 *   <li>{@code Scaling}: StatefulSet or HPA desired replicas differ from current, or pods are
 *       terminating.
 *   <li>{@code Degraded}: the FE is unreachable, credentials cannot be resolved, registration or
 *       apply failed, the FE lists pods by IP although the SDK registered names, or nodes stay
 *       Alive=false in the FE while their pods are Ready.
 *   <li>{@code AddressModeMismatch}: the FE lists pods by IP instead of by name; the message says
 *       how to fix it.
 * </ul>
 *
 * <p>{@link #toTable()} prints it for humans like {@code kubectl get}; {@link #toJson()} and {@link
 * #fromJson(String)} round-trip it exactly.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class GroupStatus {
  GroupStatus() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a status written by {@link #toJson()}. Keys this version does not know are ignored.
   *
   * @throws InvalidStatusException listing every missing or mistyped field with its path, e.g.
   *     {@code status.nodes[1].ordinal}, or saying the text is not JSON
   */
  public static GroupStatus fromJson(String json) {
    try {
      return StatusJson.read(json);
    } catch (InvalidStatusException e) {
      throw e;
    } catch (InvalidSpecException e) {
      throw new InvalidStatusException(e.violations());
    }
  }

  /** The group's namespace. */
  public abstract String namespace();

  /** The group's name. */
  public abstract String name();

  /** The StatefulSet {@code metadata.generation} this status was computed from. */
  public abstract long observedGeneration();

  /** When this status was computed. */
  public abstract Instant observedAt();

  /** The StatefulSet's {@code spec.replicas} (set by the HPA when autoscaling is on). */
  public abstract int desiredReplicas();

  /** The StatefulSet's {@code status.replicas}: pods that exist. */
  public abstract int currentReplicas();

  /** The StatefulSet's {@code status.readyReplicas}. */
  public abstract int readyReplicas();

  /** The HPA, when the group autoscales. */
  public abstract Optional<HpaStatus> hpa();

  /** One row per pod, in ordinal order. */
  public abstract List<NodeStatus> nodes();

  /** Owned FE nodes no pod answers to, in ordinal order. */
  public abstract List<GhostNode> ghosts();

  /** The conditions, one per type. */
  public abstract List<Condition> conditions();

  /**
   * The address mode the group registered with in the last pass that reached the FE: {@link
   * AddressMode#FQDN} or {@link AddressMode#POD_IP} ({@link AddressMode#AUTO} resolved); empty
   * before the FE was reached.
   */
  public abstract Optional<AddressMode> addressModeInUse();

  /**
   * Why that mode: the spec's choice, or what AUTO read from the FE ({@code SHOW FRONTENDS}, or
   * what the FE stored for an ADD), and a fix when an explicit mode does not suit the FE.
   */
  public abstract Optional<String> addressModeReason();

  /** The condition of the given type, if reported. */
  public Optional<Condition> condition(String type) {
    return conditions().stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** True when the {@code Ready} condition is true: pods ready, registered and alive in FE. */
  public boolean isReady() {
    return condition(Condition.READY).map(Condition::isTrue).orElse(false);
  }

  /** True when the group is suspended ({@code Ready=False/Suspended}). */
  public boolean isSuspended() {
    return condition(Condition.READY)
        .flatMap(Condition::knownReason)
        .filter(ConditionReason.SUSPENDED::equals)
        .isPresent();
  }

  /**
   * True when the group is changing size ({@code Scaling=True}); {@link #scalingReason()} says how.
   */
  public boolean isScaling() {
    return condition(Condition.SCALING).map(Condition::isTrue).orElse(false);
  }

  /**
   * How the group is changing size ({@link ConditionReason#SCALING_OUT}, {@code SCALING_IN}, {@code
   * AUTOSCALER_SCALING}, {@code PODS_TERMINATING}); empty when it is not.
   */
  public Optional<ConditionReason> scalingReason() {
    return condition(Condition.SCALING).filter(Condition::isTrue).flatMap(Condition::knownReason);
  }

  /**
   * True when something needs attention ({@code Degraded=True}); {@link #degradedReason()} says
   * what, and {@code condition(Condition.DEGRADED)} carries the messages of every cause.
   */
  public boolean isDegraded() {
    return condition(Condition.DEGRADED).map(Condition::isTrue).orElse(false);
  }

  /**
   * Why the group is degraded: the first cause ({@link ConditionReason#CREDENTIALS_UNRESOLVABLE},
   * {@code FRONTEND_UNAVAILABLE}, {@code REGISTRATION_FAILED}, {@code ADDRESS_MODE_MISMATCH},
   * {@code NODES_NOT_ALIVE}, {@code APPLY_FAILED}); empty when it is not degraded.
   */
  public Optional<ConditionReason> degradedReason() {
    return condition(Condition.DEGRADED).filter(Condition::isTrue).flatMap(Condition::knownReason);
  }

  /** The number of pods registered with the FE. */
  public int registeredCount() {
    return (int) nodes().stream().filter(NodeStatus::registered).count();
  }

  /** The number of pods the FE reports Alive. */
  public int aliveCount() {
    return (int) nodes().stream().filter(n -> n.alive().orElse(false)).count();
  }

  /**
   * One line for logs and timeouts, e.g. {@code ns/g gen 4: 3 desired, 3 current, 3 ready, 3
   * registered, 2 alive, 0 ghosts; Ready=False (NodesNotAlive)}.
   */
  public String summary() {
    return StatusTable.summary(this);
  }

  /** A readable fixed-width table: a header block, one line per node, then the ghosts. */
  public String toTable() {
    return StatusTable.render(this);
  }

  /** Compact JSON with a stable key order; absent values are left out. */
  public String toJson() {
    return StatusJson.write(this);
  }

  /** A copy with these conditions. */
  public GroupStatus withConditions(List<Condition> conditions) {
    return builder().from(this).conditions(conditions).build();
  }

  @Value.Check
  GroupStatus normalize() {
    Violations v = new Violations("status");
    v.require(!namespace().isEmpty(), "namespace", "must not be empty");
    v.require(!name().isEmpty(), "name", "must not be empty");
    v.require(observedGeneration() >= 0, "observedGeneration", "must be >= 0");
    v.require(desiredReplicas() >= 0, "desiredReplicas", desiredReplicas() + " must be >= 0");
    v.require(currentReplicas() >= 0, "currentReplicas", currentReplicas() + " must be >= 0");
    v.require(readyReplicas() >= 0, "readyReplicas", readyReplicas() + " must be >= 0");
    unique(v, "nodes", nodes().stream().map(n -> "ordinal " + n.ordinal()).toList());
    unique(v, "nodes", nodes().stream().map(n -> "pod " + n.pod()).toList());
    unique(v, "ghosts", ghosts().stream().map(g -> "address " + g.address()).toList());
    unique(v, "conditions", conditions().stream().map(c -> "type " + c.type()).toList());
    v.throwIfAny();
    return sorted();
  }

  private GroupStatus sorted() {
    Comparator<NodeStatus> byOrdinal = Comparator.comparingInt(NodeStatus::ordinal);
    Comparator<GhostNode> ghostOrder =
        Comparator.comparingInt(GhostNode::ordinal).thenComparing(GhostNode::address);
    List<NodeStatus> nodes = nodes().stream().sorted(byOrdinal).toList();
    List<GhostNode> ghosts = ghosts().stream().sorted(ghostOrder).toList();
    if (nodes.equals(nodes()) && ghosts.equals(ghosts())) {
      return this;
    }
    return builder().from(this).nodes(nodes).ghosts(ghosts).build();
  }

  private static void unique(Violations v, String field, List<String> keys) {
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        v.add(field, "more than one entry with " + key);
      }
    }
  }

  /** Builds a {@link GroupStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableGroupStatus.Builder {
    Builder() {}
  }
}
