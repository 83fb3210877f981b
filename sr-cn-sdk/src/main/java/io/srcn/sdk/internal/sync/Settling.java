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
 * the window per event, as before this rule.
 *
 * <p>Stateless and thread-safe.
 */
final class Settling {
  private Settling() {}

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
