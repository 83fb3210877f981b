package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;

/**
 * Whether a group is still settling after a change of its pods: the controller's batch window
 * (issue 19, "group commit instead of a fixed window") is only worth waiting out while more events
 * of the same change are coming. A group is <em>settled</em> when it has exactly as many pods as
 * its StatefulSet asks for ({@code spec.replicas}, 1 when unset: {@code SetDefaults_StatefulSet} in
 * kubernetes {@code pkg/apis/apps/v1/defaults.go}), every one of them Ready and none terminating;
 * then no pod of the change is left to turn Ready or go away, and the pass may start at once. A pod
 * that never turns Ready (crash loop, unschedulable) keeps its group settling, which costs at most
 * the window after the group's last event.
 *
 * <p>While the group is settling, its pass waits until the group has had no event for the window
 * (each event pushes the pass out by the window: the pods of one change that turn Ready less than a
 * window apart join one pass and one {@code ADD}), but no longer than {@link #cap} after the event
 * that opened the wait, so a group whose pods keep changing is still registered.
 *
 * <p>Stateless and thread-safe.
 */
final class Settling {
  /** How many windows a settling group's pass waits at most while its events keep coming. */
  static final int CAP_WINDOWS = 10;

  private Settling() {}

  /** The longest a settling group's pass waits: {@value #CAP_WINDOWS} windows. */
  static java.time.Duration cap(java.time.Duration window) {
    return window.multipliedBy(CAP_WINDOWS);
  }

  /** True while pods of the group are starting, missing, surplus or terminating. */
  static boolean settling(Optional<StatefulSet> sts, List<Pod> pods) {
    if (sts.isEmpty() || sts.get().getSpec() == null) {
      return true; // being created or deleted: more events are coming
    }
    Integer replicas = sts.get().getSpec().getReplicas();
    int desired = replicas == null ? 1 : replicas;
    if (pods.size() != desired) {
      return true;
    }
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null || !PodViews.isReady(pod)) {
        return true;
      }
    }
    return false;
  }
}
