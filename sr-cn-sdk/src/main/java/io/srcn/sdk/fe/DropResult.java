package io.srcn.sdk.fe;

import java.util.List;

/**
 * What {@link FrontendClient#drop} did: the nodes it deregistered and the nodes the FE did not have
 * (or, with a warehouse, had in another warehouse). Both lists keep the input order; together they
 * hold every distinct input node once.
 *
 * <p>A node whose {@code DROP} reply was lost to a connection failure (and then found absent on the
 * retry), or that an FE which stops at the first missing node reported in a form the SDK does not
 * recognise, is reported as already absent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dropped nodes this call deregistered
 * @param alreadyAbsent nodes that were not registered (in the given warehouse)
 */
public record DropResult(List<HostPort> dropped, List<HostPort> alreadyAbsent) {
  /** Copies both lists. */
  public DropResult {
    dropped = List.copyOf(dropped);
    alreadyAbsent = List.copyOf(alreadyAbsent);
  }

  /** True when this call deregistered at least one node. */
  public boolean changed() {
    return !dropped.isEmpty();
  }
}
