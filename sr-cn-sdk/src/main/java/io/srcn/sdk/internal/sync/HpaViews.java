package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads HPAs of either served version into {@link HpaView}s. An HPA that has not computed a
 * recommendation yet (no status, or {@code desiredReplicas} 0, which an HPA with {@code minReplicas
 * >= 1} never wants) reads as wanting its current replicas, so a fresh HPA is not reported as
 * scaling to zero.
 *
 * <p>Stateless and thread-safe.
 */
final class HpaViews {
  private HpaViews() {}

  static HpaView of(HorizontalPodAutoscaler hpa) {
    var status = hpa.getStatus();
    return view(
        "autoscaling/v2",
        hpa.getSpec().getMinReplicas(),
        hpa.getSpec().getMaxReplicas(),
        status == null ? null : status.getCurrentReplicas(),
        status == null ? null : status.getDesiredReplicas(),
        status == null ? null : status.getLastScaleTime());
  }

  static HpaView of(
      io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler hpa) {
    var status = hpa.getStatus();
    return view(
        "autoscaling/v2beta2",
        hpa.getSpec().getMinReplicas(),
        hpa.getSpec().getMaxReplicas(),
        status == null ? null : status.getCurrentReplicas(),
        status == null ? null : status.getDesiredReplicas(),
        status == null ? null : status.getLastScaleTime());
  }

  private static HpaView view(
      String apiVersion,
      Integer min,
      Integer max,
      Integer current,
      Integer desired,
      String lastScaleTime) {
    int currentReplicas = current == null ? 0 : current;
    boolean computed = desired != null && desired > 0;
    return new HpaView(
        apiVersion,
        min == null ? 1 : min,
        max == null ? 0 : max,
        currentReplicas,
        computed ? desired : currentReplicas,
        Optional.ofNullable(lastScaleTime).map(Instant::parse));
  }
}
