package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads HPAs of either served version into {@link HpaView}s.
 *
 * <p>Stateless and thread-safe.
 */
final class HpaViews {
  private HpaViews() {}

  static HpaView of(HorizontalPodAutoscaler hpa) {
    var spec = hpa.getSpec();
    var status = hpa.getStatus();
    return new HpaView(
        "autoscaling/v2",
        spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
        spec.getMaxReplicas() == null ? 0 : spec.getMaxReplicas(),
        status == null || status.getCurrentReplicas() == null ? 0 : status.getCurrentReplicas(),
        status == null || status.getDesiredReplicas() == null ? 0 : status.getDesiredReplicas(),
        Optional.ofNullable(status == null ? null : status.getLastScaleTime()).map(Instant::parse));
  }

  static HpaView of(
      io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler hpa) {
    var spec = hpa.getSpec();
    var status = hpa.getStatus();
    return new HpaView(
        "autoscaling/v2beta2",
        spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
        spec.getMaxReplicas() == null ? 0 : spec.getMaxReplicas(),
        status == null || status.getCurrentReplicas() == null ? 0 : status.getCurrentReplicas(),
        status == null || status.getDesiredReplicas() == null ? 0 : status.getDesiredReplicas(),
        Optional.ofNullable(status == null ? null : status.getLastScaleTime()).map(Instant::parse));
  }
}
