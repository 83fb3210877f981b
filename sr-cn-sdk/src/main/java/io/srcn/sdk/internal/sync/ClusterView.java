package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a group's Kubernetes objects: direct API calls for a lone handle, or the informer
 * caches for the controller (so a resync over many groups makes no per-group list calls).
 *
 * <p>Implementations are thread-safe.
 */
interface ClusterView {
  /** The group's StatefulSet {@code g-cn}. */
  Optional<StatefulSet> statefulSet(String namespace, String group);

  /** The group's pods (selected by the group's selector labels). */
  List<Pod> pods(String namespace, String group);

  /** The group's HPA {@code g-cn-autoscaler}, in whichever version the cluster serves. */
  Optional<HpaView> autoscaler(String namespace, String group);
}
