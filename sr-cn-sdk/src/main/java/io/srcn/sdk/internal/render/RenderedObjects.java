package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of one group as the renderer built them. The fabric8 objects are mutable: callers
 * must not modify them (the public {@code RenderedGroup} hands out copies).
 *
 * @param configMap ConfigMap {@code g-cn-config}
 * @param headlessService Service {@code g-cn-search}
 * @param statefulSet StatefulSet {@code g-cn}
 * @param autoscaler HPA {@code g-cn-autoscaler} in {@code autoscaling/v2} form, with autoscaling
 * @param podDisruptionBudget PodDisruptionBudget {@code g-cn-pdb}
 * @param hpaVersion the version the HPA is served in by {@link #objects()}
 * @param cnConf the text of cn.conf
 */
public record RenderedObjects(
    ConfigMap configMap,
    Service headlessService,
    StatefulSet statefulSet,
    Optional<HorizontalPodAutoscaler> autoscaler,
    PodDisruptionBudget podDisruptionBudget,
    HpaVersion hpaVersion,
    String cnConf) {

  /** The HPA in {@link #hpaVersion()}. */
  public Optional<HasMetadata> autoscalerInVersion() {
    return autoscaler.map(h -> HpaRenderer.inVersion(h, hpaVersion));
  }

  /** All objects: ConfigMap, Service, StatefulSet, HPA (when present), PodDisruptionBudget. */
  public List<HasMetadata> objects() {
    List<HasMetadata> all = new ArrayList<>(List.of(configMap, headlessService, statefulSet));
    autoscalerInVersion().ifPresent(all::add);
    all.add(podDisruptionBudget);
    return all;
  }

  /** Multi-document YAML of {@link #objects()}: each starts with {@code ---}. Deterministic. */
  public String toYaml() {
    StringBuilder sb = new StringBuilder();
    for (HasMetadata o : objects()) {
      String doc = Json.toYaml(o).stripTrailing();
      sb.append(doc.startsWith("---") ? doc : "---\n" + doc).append('\n');
    }
    return sb.toString();
  }
}
