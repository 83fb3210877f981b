package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.internal.render.Labels;
import io.srcn.sdk.internal.render.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The suspended mark on a group's StatefulSet: annotations {@code srcn.io/suspended} and {@code
 * srcn.io/suspended-replicas}. A suspended group (or one being deleted) is never re-applied by the
 * controller, adds no nodes and drops its nodes as their pods go; the mark also records the
 * replicas to restore on resume.
 *
 * <p>Stateless and thread-safe.
 */
final class Suspension {
  private Suspension() {}

  /** True when the StatefulSet carries the mark. */
  static boolean isSuspended(Optional<StatefulSet> sts) {
    return sts.map(s -> s.getMetadata().getAnnotations())
        .map(a -> "true".equals(a.get(Labels.SUSPENDED_ANNOTATION)))
        .orElse(false);
  }

  /** The replicas recorded when the group was suspended. */
  static OptionalInt savedReplicas(Optional<StatefulSet> sts) {
    String saved =
        sts.map(s -> s.getMetadata().getAnnotations())
            .map(a -> a.get(Labels.SUSPENDED_REPLICAS_ANNOTATION))
            .orElse(null);
    try {
      return saved == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(saved));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Marks the group suspended, recording its current replicas (unless already marked). */
  static void mark(KubernetesClient client, String namespace, String group) {
    edit(
        client,
        namespace,
        group,
        sts -> {
          Map<String, String> a = sts.getMetadata().getAnnotations();
          if (a != null && "true".equals(a.get(Labels.SUSPENDED_ANNOTATION))) {
            return sts;
          }
          Integer replicas = sts.getSpec().getReplicas();
          return new StatefulSetBuilder(sts)
              .editMetadata()
              .addToAnnotations(Labels.SUSPENDED_ANNOTATION, "true")
              .addToAnnotations(
                  Labels.SUSPENDED_REPLICAS_ANNOTATION,
                  Integer.toString(replicas == null ? 1 : replicas))
              .endMetadata()
              .build();
        });
  }

  /** Removes the mark. */
  static void clear(KubernetesClient client, String namespace, String group) {
    edit(
        client,
        namespace,
        group,
        sts ->
            new StatefulSetBuilder(sts)
                .editMetadata()
                .removeFromAnnotations(Labels.SUSPENDED_ANNOTATION)
                .removeFromAnnotations(Labels.SUSPENDED_REPLICAS_ANNOTATION)
                .endMetadata()
                .build());
  }

  /** Sets the StatefulSet's replicas through its {@code /scale} subresource. */
  static void scale(KubernetesClient client, String namespace, String group, int replicas) {
    KubeErrors.call(
        "scale",
        ref(namespace, group, "statefulsets/scale"),
        List.of("get", "update", "patch"),
        () ->
            client
                .apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName(Names.statefulSet(group))
                .scale(replicas));
  }

  private static void edit(
      KubernetesClient client,
      String namespace,
      String group,
      java.util.function.UnaryOperator<StatefulSet> change) {
    KubeErrors.call(
        "annotate",
        ref(namespace, group, "statefulsets"),
        List.of("get", "patch"),
        () ->
            client
                .apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName(Names.statefulSet(group))
                .edit(change));
  }

  private static ResourceRef ref(String namespace, String group, String resource) {
    return new ResourceRef("StatefulSet", "apps", resource, namespace, Names.statefulSet(group));
  }
}
