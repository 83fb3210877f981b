package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finalizer rules of an update to an object being deleted.
 *
 * <p>Stateless and thread-safe.
 */
final class Finalizers {
  private Finalizers() {}

  /** The deletion marks cannot be changed by an update: they are copied from the live object. */
  static void keepDeletionMarks(JsonNode live, ObjectNode next) {
    JsonNode meta = live.path("metadata");
    for (String f : new String[] {"deletionTimestamp", "deletionGracePeriodSeconds"}) {
      if (meta.hasNonNull(f)) {
        Json.metadata(next).set(f, meta.get(f));
      }
    }
  }

  /**
   * 422 when an update adds finalizers to an object being deleted (ValidateObjectMetaUpdate in
   * k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
   */
  static void checkNoneAdded(ApiResource r, JsonNode live, JsonNode next) {
    if (!live.path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    Set<String> added = new java.util.TreeSet<>(of(next));
    added.removeAll(of(live));
    if (added.isEmpty()) {
      return;
    }
    List<String> quoted = new ArrayList<>();
    added.forEach(f -> quoted.add("\"" + f + "\""));
    throw ApiException.invalid(
        r,
        Json.text(live, "metadata", "name"),
        List.of(
            new ApiException.Cause(
                "FieldValueForbidden",
                "metadata.finalizers",
                "Forbidden: no new finalizers can be added if the object is being deleted, found"
                    + " new finalizers []string{"
                    + String.join(", ", quoted)
                    + "}")));
  }

  /** Whether the update removes the last finalizer of an object being deleted. */
  static boolean releasesDeletion(JsonNode live, JsonNode next) {
    return live.path("metadata").hasNonNull("deletionTimestamp") && of(next).isEmpty();
  }

  private static Set<String> of(JsonNode o) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode f : o.path("metadata").path("finalizers")) {
      out.add(f.asText());
    }
    return out;
  }
}
