package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/**
 * Deep copies of the rendered kinds through their fabric8 builders (which copy nested objects),
 * avoiding a JSON round trip; other types fall back to one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Copies {
  private Copies() {}

  /** A deep copy of {@code object}, of the same type. */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T copy(T object) {
    HasMetadata copy;
    if (object instanceof ConfigMap c) {
      copy = new ConfigMapBuilder(c).build();
    } else if (object instanceof Service s) {
      copy = new ServiceBuilder(s).build();
    } else if (object instanceof StatefulSet s) {
      copy = new StatefulSetBuilder(s).build();
    } else if (object instanceof HorizontalPodAutoscaler h) {
      copy = new HorizontalPodAutoscalerBuilder(h).build();
    } else if (object instanceof PodDisruptionBudget p) {
      copy = new PodDisruptionBudgetBuilder(p).build();
    } else {
      copy = Json.copy(object);
    }
    return (T) copy;
  }
}
