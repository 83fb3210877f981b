package io.srcn.sdk;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A node the group owns in the FE (its address matches the group's FQDN pattern, or is in the
 * group's IP-mode ledger) that no existing pod answers to: the pod was scaled in, deleted, or
 * recreated with another IP.
 *
 * <p>A ghost whose ordinal is at or beyond the StatefulSet's replicas is {@linkplain #dropPending()
 * pending drop}: the SDK drops it from the FE. A ghost below the replicas belongs to a pod that is
 * being recreated and keeps its registration.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class GhostNode {
  GhostNode() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address as the FE lists it, {@code host:port} ({@code [v6]:port} for IPv6). */
  public abstract String address();

  /** The ordinal of the pod the node was registered for. */
  public abstract int ordinal();

  /** The FE's {@code Alive} column. */
  public abstract boolean alive();

  /** The FE's {@code ErrMsg} column, when not empty. */
  public abstract Optional<String> errMsg();

  /** True when the SDK is going to drop the node (its ordinal is at or beyond the replicas). */
  public abstract boolean dropPending();

  @Value.Check
  void check() {
    Violations v = new Violations("ghost");
    try {
      HostPort.parse(address());
    } catch (IllegalArgumentException e) {
      v.add("address", e.getMessage());
    }
    v.require(ordinal() >= 0, "ordinal", ordinal() + " must be >= 0");
    v.throwIfAny();
  }

  /** Builds a {@link GhostNode}. Not thread-safe. */
  public static final class Builder extends ImmutableGhostNode.Builder {
    Builder() {}
  }
}
