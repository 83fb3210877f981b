package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.internal.apply.GroupApplier;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's drift check of a group's five objects from the informer caches: the cached
 * ConfigMap, Service, StatefulSet, HPA and PodDisruptionBudget are compared with what the recorded
 * spec renders, by the same Planner a repair uses ({@link GroupApplier#drift}). No request: a group
 * without drift costs nothing; a group with drift gets a repair, which reads every object from the
 * API server again and keeps its guards before it writes.
 *
 * <p>A stale cache (a watch event not yet delivered) may show drift that is gone, or a spec that
 * was replaced: that costs a repair's GETs, never a wrong write (the repair never resurrects a
 * deleted group, never undoes a suspend, never overwrites a newer recorded spec, and its
 * StatefulSet write carries the resourceVersion it read). It may also not yet show drift that is
 * there: the watch event that brings it queues the group's pass, which checks again.
 *
 * <p>A check that found no drift is remembered as the spec and the five objects' resourceVersions
 * it compared; the next pass with the same spec and the same versions (a resync, a pod event) skips
 * the rendering.
 *
 * <p>Thread-safe; checks of one group must not run concurrently (the work queue hands a group to
 * one worker at a time).
 */
final class CacheDrift {
  private static final Logger LOG = LoggerFactory.getLogger(CacheDrift.class);

  private final CachedClusterView view;
  private final GroupApplier applier;

  CacheDrift(CachedClusterView view, GroupApplier applier) {
    this.view = view;
    this.applier = applier;
  }

  /** What a check that found no drift compared. */
  record Clean(ComputeNodeGroupSpec spec, List<String> versions) {}

  /**
   * True when the cached objects of the group differ from the rendering of {@code spec} (an object
   * missing, edited, or rendered differently since it was applied). A spec the Planner cannot
   * compare (an object of the group's name that is not the SDK's, an HPA API the cluster lacks)
   * counts as drift: the repair reports the error.
   */
  boolean drifted(GroupEntry entry, ComputeNodeGroupSpec spec) {
    List<HasMetadata> cached = view.owned(spec.namespace(), spec.name());
    Clean now = new Clean(spec, cached.stream().map(CacheDrift::version).toList());
    if (now.equals(entry.clean)) {
      return false;
    }
    boolean drifted;
    try {
      drifted = applier.drift(spec, cached).hasChanges();
    } catch (RuntimeException e) {
      LOG.debug("group {}/{}: cannot compare its cached objects", spec.namespace(), spec.name(), e);
      drifted = true;
    }
    entry.clean = drifted ? null : now;
    if (drifted) {
      LOG.debug("group {}/{}: the caches show drift", spec.namespace(), spec.name());
    }
    return drifted;
  }

  private static String version(HasMetadata o) {
    return o.getClass().getSimpleName()
        + "/"
        + o.getMetadata().getUid()
        + "/"
        + o.getMetadata().getResourceVersion();
  }
}
