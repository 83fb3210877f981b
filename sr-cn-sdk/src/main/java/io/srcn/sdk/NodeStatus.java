package io.srcn.sdk;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One pod of a group, joined with its row in the FE's {@code SHOW COMPUTE NODES}: the Kubernetes
 * view (phase, readiness, restarts) and, when the pod is registered, the FE's view (Alive,
 * StatusCode, last heartbeat, running queries, ErrMsg).
 *
 * <p>The FE columns are empty when the node is not registered. {@link #hint()} says what to check
 * when the two views disagree, e.g. a pod that is Ready while the FE cannot reach it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class NodeStatus {
  NodeStatus() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pod name, {@code g-cn-i}. */
  public abstract String pod();

  /** The StatefulSet ordinal {@code i}. */
  public abstract int ordinal();

  /** The address the pod registers under, {@code host:port}, once known. */
  public abstract Optional<String> address();

  /** The pod phase, e.g. {@code Running} or {@code Pending}. */
  public abstract String phase();

  /** The pod's Ready condition. */
  public abstract boolean ready();

  /** True when the pod has a deletion timestamp (graceful stop in progress). */
  public abstract boolean terminating();

  /** The sum of the pod's container restart counts. */
  public abstract int restarts();

  /** True when the FE lists the pod's address. */
  public abstract boolean registered();

  /** The FE's {@code Alive} column; empty when not registered. */
  public abstract Optional<Boolean> alive();

  /** The FE's {@code StatusCode}: {@code CONNECTING}, {@code OK}, {@code SHUTDOWN}, ... */
  public abstract Optional<String> statusCode();

  /** The FE's {@code LastHeartbeat}; empty before the first heartbeat. */
  public abstract Optional<Instant> lastHeartbeat();

  /** The FE's {@code NumRunningQueries}. */
  public abstract OptionalInt runningQueries();

  /** The FE's {@code ErrMsg}, when not empty. */
  public abstract Optional<String> errMsg();

  /** What to check when something is wrong with this node, for humans. */
  public abstract Optional<String> hint();

  /** True when the pod is Ready, registered, and Alive in the FE. */
  public boolean isServing() {
    return ready() && !terminating() && registered() && alive().orElse(false);
  }

  /** A copy with this hint (empty for none). */
  public NodeStatus withHint(Optional<String> hint) {
    return builder().from(this).hint(hint).build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations(pod().isEmpty() ? "node" : "node[" + pod() + "]");
    v.require(!pod().isEmpty(), "pod", "must not be empty");
    v.require(ordinal() >= 0, "ordinal", ordinal() + " must be >= 0");
    address().ifPresent(a -> validAddress(v, a));
    v.require(!phase().isEmpty(), "phase", "must not be empty");
    v.require(restarts() >= 0, "restarts", restarts() + " must be >= 0");
    runningQueries().ifPresent(q -> v.require(q >= 0, "runningQueries", q + " must be >= 0"));
    if (!registered()) {
      String why = "must be empty when the node is not registered";
      v.require(alive().isEmpty(), "alive", why);
      v.require(statusCode().isEmpty(), "statusCode", why);
      v.require(lastHeartbeat().isEmpty(), "lastHeartbeat", why);
      v.require(runningQueries().isEmpty(), "runningQueries", why);
      v.require(errMsg().isEmpty(), "errMsg", why);
    }
    v.throwIfAny();
  }

  private static void validAddress(Violations v, String address) {
    try {
      HostPort.parse(address);
    } catch (IllegalArgumentException e) {
      v.add("address", e.getMessage());
    }
  }

  /** Builds a {@link NodeStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableNodeStatus.Builder {
    Builder() {}
  }
}
