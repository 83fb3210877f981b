package io.srcn.sdk.internal.sync;

/** What one pass of {@link GroupSync} may do. */
enum SyncMode {
  /** Observe and plan only: no FE or ledger writes (for {@code status()}). */
  OBSERVE,
  /** Register serving pods and drop the group's scaled-in nodes. */
  SYNC,
  /** As if replicas were 0: add nothing, drop owned nodes whose pods are gone. */
  RELEASE,
  /** Drop every owned node, pods or not (the bounded end of a delete or suspend). */
  FORCE_RELEASE
}
