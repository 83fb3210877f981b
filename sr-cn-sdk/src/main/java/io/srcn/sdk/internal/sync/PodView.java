package io.srcn.sdk.internal.sync;

import java.util.Optional;

/**
 * What the reconciler needs to know of one pod of a group, read from the informer cache.
 *
 * @param name the pod name ({@code g-cn-i})
 * @param ordinal the StatefulSet ordinal {@code i}
 * @param ready the pod's Ready condition is true
 * @param terminating the pod has a deletionTimestamp (preStop running, about to go)
 * @param ip the pod IP, when assigned
 * @param heartbeatPort the heartbeat port the pod was created with (from its template)
 * @param phase the pod phase, e.g. {@code Running}
 * @param restarts the sum of its containers' restart counts
 */
record PodView(
    String name,
    int ordinal,
    boolean ready,
    boolean terminating,
    Optional<String> ip,
    int heartbeatPort,
    String phase,
    int restarts) {

  /** True when the pod should be registered: Ready and not on its way out. */
  boolean serving() {
    return ready && !terminating;
  }
}
