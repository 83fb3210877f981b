package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.List;
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
    return sts.map(s -> Labels.isSuspended(s.getMetadata().getAnnotations())).orElse(false);
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
    Optional<StatefulSet> sts = new DirectClusterView(client, true).statefulSet(namespace, group);
    if (sts.isEmpty() || isSuspended(sts)) {
      return;
    }
    Integer replicas = sts.get().getSpec().getReplicas();
    annotate(client, namespace, group, "\"true\"", "\"" + (replicas == null ? 1 : replicas) + "\"");
  }

  /** Removes the mark. */
  static void clear(KubernetesClient client, String namespace, String group) {
    annotate(client, namespace, group, "null", "null");
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

  /** A JSON merge patch of the two annotations only: no resourceVersion, so no conflict. */
  private static void annotate(
      KubernetesClient client, String namespace, String group, String suspended, String replicas) {
    String patch =
        "{\"metadata\":{\"annotations\":{\""
            + Labels.SUSPENDED_ANNOTATION
            + "\":"
            + suspended
            + ",\""
            + Labels.SUSPENDED_REPLICAS_ANNOTATION
            + "\":"
            + replicas
            + "}}}";
    KubeErrors.call(
        "annotate",
        ref(namespace, group, "statefulsets"),
        List.of("patch"),
        () ->
            client
                .apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName(Names.statefulSet(group))
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  private static ResourceRef ref(String namespace, String group, String resource) {
    return new ResourceRef("StatefulSet", "apps", resource, namespace, Names.statefulSet(group));
  }
}
