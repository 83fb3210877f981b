package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.naming.Labels;
import java.util.Map;
import java.util.Optional;

/**
 * A group's identity in the controller: namespace and name.
 *
 * @param namespace the namespace
 * @param name the group name
 */
record GroupKey(String namespace, String name) {
  /** The group an object belongs to, from its {@code app.kubernetes.io/instance} label. */
  static Optional<GroupKey> of(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    String group = labels == null ? null : labels.get(Labels.INSTANCE);
    return group == null
        ? Optional.empty()
        : Optional.of(new GroupKey(object.getMetadata().getNamespace(), group));
  }

  /** The informer index key. */
  String indexKey() {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
