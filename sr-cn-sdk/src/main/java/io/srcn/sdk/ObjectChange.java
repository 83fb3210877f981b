package io.srcn.sdk;

import java.util.List;
import java.util.Objects;

/**
 * What applying a group does or did (in a {@link Plan}) to one Kubernetes object.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the object's kind, e.g. {@code StatefulSet}
 * @param namespace its namespace
 * @param name its name
 * @param action create, update, unchanged or delete
 * @param changedFields for {@link Action#UPDATE}, the paths of the fields that differ, e.g. {@code
 *     spec.template.spec.containers[cn].image}; empty otherwise
 */
public record ObjectChange(
    String kind, String namespace, String name, Action action, List<String> changedFields) {

  /** What happens to the object. */
  public enum Action {
    /** The object does not exist and is created. */
    CREATE,
    /** The object exists and some fields the SDK sets differ; it is re-applied. */
    UPDATE,
    /** The object is as desired (or, when deleting, already absent): no write. */
    UNCHANGED,
    /** The object is deleted (autoscaling was removed, or the group is deleted). */
    DELETE
  }

  /** Validates and copies the components. */
  public ObjectChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    changedFields = List.copyOf(changedFields);
  }

  /** A change without field paths. */
  public static ObjectChange of(String kind, String namespace, String name, Action action) {
    return new ObjectChange(kind, namespace, name, action, List.of());
  }

  /** True for create, update and delete: the API server is written to. */
  public boolean isWrite() {
    return action != Action.UNCHANGED;
  }

  @Override
  public String toString() {
    String head = action + " " + kind + " " + namespace + "/" + name;
    return changedFields.isEmpty() ? head : head + " " + changedFields;
  }
}
