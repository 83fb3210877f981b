package io.srcn.sdk.fe;

import java.util.List;

/**
 * What {@link FrontendClient#add} did: the nodes it registered and the nodes the FE already had.
 * Both lists keep the input order; together they hold every distinct input node once.
 *
 * <p>A node whose {@code ADD} reply was lost to a connection failure (and then found registered on
 * the retry) is reported as already present.
 *
 * <p>Immutable and thread-safe.
 *
 * @param added nodes this call registered
 * @param alreadyPresent nodes that were registered before (in any warehouse)
 */
public record AddResult(List<HostPort> added, List<HostPort> alreadyPresent) {
  /** Copies both lists. */
  public AddResult {
    added = List.copyOf(added);
    alreadyPresent = List.copyOf(alreadyPresent);
  }

  /** True when this call registered at least one node. */
  public boolean changed() {
    return !added.isEmpty();
  }
}
