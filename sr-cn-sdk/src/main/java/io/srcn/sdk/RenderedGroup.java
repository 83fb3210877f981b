package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.srcn.sdk.internal.render.Copies;
import io.srcn.sdk.internal.render.GroupRenderer;
import io.srcn.sdk.internal.render.RenderOptions;
import io.srcn.sdk.internal.render.RenderedObjects;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects of a CN group, as {@link ComputeNodeGroupSpec#render()} builds them
 * without any I/O: ConfigMap {@code g-cn-config} (cn.conf), headless Service {@code g-cn-search},
 * StatefulSet {@code g-cn}, HorizontalPodAutoscaler {@code g-cn-autoscaler} (only with autoscaling)
 * and PodDisruptionBudget {@code g-cn-pdb}.
 *
 * <p>For GitOps: {@link #toYaml()} gives them as one multi-document YAML, deterministic for a given
 * spec. Rendered this way the objects carry <em>no</em> ownerReferences (the StatefulSet has no UID
 * before it exists), so deleting the StatefulSet does not garbage-collect the others; when the SDK
 * applies a group itself it adds ownerReferences to the StatefulSet on every other object. The HPA
 * is always {@code autoscaling/v2} here; the SDK's applier falls back to {@code v2beta2} only when
 * API discovery shows the cluster lacks v2.
 *
 * <p>Immutable and thread-safe: every accessor returns a fresh deep copy, which the caller may
 * modify freely.
 */
public final class RenderedGroup {
  private final RenderedObjects objects;

  private RenderedGroup(RenderedObjects objects) {
    this.objects = objects;
  }

  static RenderedGroup of(ComputeNodeGroupSpec spec) {
    return new RenderedGroup(GroupRenderer.render(spec, RenderOptions.defaults()));
  }

  /** ConfigMap {@code g-cn-config} with key {@code cn.conf}. */
  public ConfigMap configMap() {
    return Copies.copy(objects.configMap());
  }

  /** The text of {@code cn.conf}: the spec's entries and the ports, sorted by key. */
  public String cnConf() {
    return objects.cnConf();
  }

  /** Headless Service {@code g-cn-search}. */
  public Service headlessService() {
    return Copies.copy(objects.headlessService());
  }

  /** StatefulSet {@code g-cn}. */
  public StatefulSet statefulSet() {
    return Copies.copy(objects.statefulSet());
  }

  /** HorizontalPodAutoscaler {@code g-cn-autoscaler} ({@code autoscaling/v2}), with autoscaling. */
  public Optional<HorizontalPodAutoscaler> autoscaler() {
    return objects.autoscaler().map(Copies::copy);
  }

  /** PodDisruptionBudget {@code g-cn-pdb} ({@code maxUnavailable: 1}). */
  public PodDisruptionBudget podDisruptionBudget() {
    return Copies.copy(objects.podDisruptionBudget());
  }

  /** All objects in order: ConfigMap, Service, StatefulSet, HPA (if any), PodDisruptionBudget. */
  public List<HasMetadata> objects() {
    return objects.objects().stream().map(o -> (HasMetadata) Copies.copy(o)).toList();
  }

  /** The objects as one multi-document YAML (each document starts with {@code ---}). */
  public String toYaml() {
    return objects.toYaml();
  }

  @Override
  public String toString() {
    return "RenderedGroup"
        + objects.objects().stream()
            .map(o -> o.getKind() + " " + o.getMetadata().getName())
            .toList();
  }
}
