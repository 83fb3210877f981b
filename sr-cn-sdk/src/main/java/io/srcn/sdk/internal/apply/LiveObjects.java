package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.sdk.naming.Labels;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The group's objects as they are on the cluster, read with one GET each (the HPA only when the
 * cluster serves an HPA API), or as copies the caller already holds (the controller's informer
 * caches).
 *
 * <p>Not thread-safe; one per operation.
 */
final class LiveObjects {
  private final Map<ObjectKind, HasMetadata> objects;

  private LiveObjects(Map<ObjectKind, HasMetadata> objects) {
    this.objects = objects;
  }

  /** Live objects given directly (tests, or objects already at hand). */
  static LiveObjects of(Map<ObjectKind, HasMetadata> objects) {
    Map<ObjectKind, HasMetadata> copy = new EnumMap<>(ObjectKind.class);
    copy.putAll(objects);
    return new LiveObjects(copy);
  }

  /**
   * The objects of group {@code group} among {@code copies} (informer-cache copies, say), each kind
   * by its model class and the group's name for it; copies of other kinds or names are ignored. No
   * request.
   */
  static LiveObjects of(String group, Collection<? extends HasMetadata> copies) {
    Map<ObjectKind, HasMetadata> found = new EnumMap<>(ObjectKind.class);
    for (HasMetadata copy : copies) {
      ObjectKind.of(copy)
          .filter(k -> k.name(group).equals(copy.getMetadata().getName()))
          .ifPresent(k -> found.put(k, copy));
    }
    return new LiveObjects(found);
  }

  /** Reads every object of group {@code group} in {@code namespace}. */
  static LiveObjects read(
      KubernetesClient client, String namespace, String group, Optional<HpaVersion> hpaVersion) {
    Map<ObjectKind, HasMetadata> found = new EnumMap<>(ObjectKind.class);
    for (ObjectKind kind : ObjectKind.values()) {
      if (kind == ObjectKind.AUTOSCALER && hpaVersion.isEmpty()) {
        continue;
      }
      ResourceRef ref = kind.ref(namespace, group);
      HasMetadata live =
          KubeErrors.call(
              "read",
              ref,
              List.of("get"),
              () -> kind.handle(client, namespace, ref.name(), hpaVersion.orElse(null)).get());
      if (live != null) {
        found.put(kind, live);
      }
    }
    return new LiveObjects(found);
  }

  /** The live object of this kind, if it exists. */
  Optional<HasMetadata> get(ObjectKind kind) {
    return Optional.ofNullable(objects.get(kind));
  }

  /** Records an object just written, so later steps see it. */
  void put(ObjectKind kind, HasMetadata object) {
    objects.put(kind, object);
  }

  /** True when the object carries the group's labels (it is the SDK's, not a stranger's). */
  static boolean isManaged(HasMetadata object, String group) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null
        && Labels.MANAGED_BY_VALUE.equals(labels.get(Labels.MANAGED_BY))
        && group.equals(labels.get(Labels.INSTANCE));
  }
}
