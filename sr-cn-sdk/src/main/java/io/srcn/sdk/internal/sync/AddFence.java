package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/**
 * The fence between an engine's ADD and another engine's suspend or delete. A pass decides on a
 * view that may be old (the controller's informer caches lag the API server), while suspend and
 * delete mark the StatefulSet {@code srcn.io/suspended} before they scale in or drop anything. An
 * ADD decided on a view from before the mark would re-register nodes the deleter has just dropped
 * and outlive the delete (a ghost). So right before an ADD the engine reads the StatefulSet from
 * the API server itself (never from a cache), and sends the ADD only if the group is still there,
 * unmarked, and has at least the replicas the plan used; right after the ADD it reads again, and if
 * the group is now going away, it drops what it has just added.
 *
 * <p>Thread-safe: stateless apart from the direct view.
 */
final class AddFence {
  private final ClusterView direct;

  /** A fence that reads through {@code direct}, which must ask the API server on every call. */
  AddFence(ClusterView direct) {
    this.direct = direct;
  }

  /**
   * Reads the StatefulSet now: true when an ADD planned with {@code planReplicas} may go ahead.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read (no ADD then)
   */
  boolean allowsAdd(String namespace, String group, int planReplicas) {
    Optional<StatefulSet> now = direct.statefulSet(namespace, group);
    return now.isPresent() && !Suspension.isSuspended(now) && replicas(now.get()) >= planReplicas;
  }

  /**
   * Reads the StatefulSet now: true when the group is suspended or deleted.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read
   */
  boolean goingAway(String namespace, String group) {
    Optional<StatefulSet> now = direct.statefulSet(namespace, group);
    return now.isEmpty() || Suspension.isSuspended(now);
  }

  private static int replicas(StatefulSet sts) {
    Integer r = sts.getSpec().getReplicas();
    return r == null ? 1 : r;
  }
}
