package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the metadata every object of a group shares: name, namespace, the four standard labels
 * (sorted, so the YAML is deterministic) and, when the StatefulSet's UID is known, an
 * ownerReference to it.
 *
 * <p>Stateless and thread-safe.
 */
final class ObjectMetas {
  private ObjectMetas() {}

  /** Metadata of an object owned by the group's StatefulSet (when its UID is known). */
  static ObjectMeta owned(String group, String namespace, String name, RenderOptions options) {
    ObjectMetaBuilder b = base(group, namespace, name);
    options
        .statefulSetUid()
        .ifPresent(
            uid ->
                b.addToOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("StatefulSet")
                        .withName(Names.statefulSet(group))
                        .withUid(uid)
                        .withController(true)
                        .build()));
    return b.build();
  }

  /** Metadata without owner references (the StatefulSet itself). */
  static ObjectMetaBuilder base(String group, String namespace, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(sorted(Labels.standard(group)));
  }

  /** A sorted copy, so serialization order does not depend on the map implementation. */
  static SortedMap<String, String> sorted(Map<String, String> map) {
    return new TreeMap<>(map);
  }
}
