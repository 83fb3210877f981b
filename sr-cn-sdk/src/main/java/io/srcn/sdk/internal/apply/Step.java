package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.ObjectChange.Action;
import java.util.List;
import java.util.OptionalInt;

/**
 * One planned action on one object.
 *
 * @param kind which object
 * @param namespace its namespace
 * @param name its name
 * @param action create, update, unchanged or delete
 * @param changedFields for updates, the differing paths
 * @param desired for create and update, the object to apply (with its applied-hash annotation)
 * @param handoverReplicas for the StatefulSet when autoscaling is switched on: the current replica
 *     count, handed to another field manager before the apply drops the field
 */
record Step(
    ObjectKind kind,
    String namespace,
    String name,
    Action action,
    List<String> changedFields,
    HasMetadata desired,
    OptionalInt handoverReplicas) {

  /** The public view of this step. */
  ObjectChange toChange() {
    return new ObjectChange(kind.kind(), namespace, name, action, changedFields);
  }
}
