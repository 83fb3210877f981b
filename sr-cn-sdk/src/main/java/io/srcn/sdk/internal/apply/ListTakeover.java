package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.internal.render.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What server-side apply cannot take back: list items another field manager owns. A list of type
 * {@code map} merges by its keys, and apply never removes an item it does not own; the Service's
 * {@code spec.ports} is one, keyed by port and protocol (k8s.io/api {@code core/v1/types.go},
 * {@code ServiceSpec.Ports}: {@code +listType=map}, {@code +listMapKey=port}, {@code
 * +listMapKey=protocol}), so a port changed by hand ({@code kubectl edit}) becomes an item of the
 * editor's, and the SDK's apply adds its own item back next to it. After an apply, this finds the
 * top-level {@code spec} fields that still differ from the rendering and builds a JSON merge patch
 * (RFC 7386: a list in the patch replaces the whole list) setting exactly those fields, held to the
 * applied object's {@code resourceVersion}.
 *
 * <p>Stateless and thread-safe.
 */
final class ListTakeover {
  private ListTakeover() {}

  /**
   * The top-level {@code spec} fields of {@code applied} that still differ from {@code desired}.
   */
  static Set<String> fieldsLeft(HasMetadata desired, HasMetadata applied) {
    Set<String> fields = new LinkedHashSet<>();
    for (String path :
        ObjectDiff.changedPaths(Planner.comparable(Json.toMap(desired)), Json.toMap(applied))) {
      if (path.startsWith("spec.")) {
        String rest = path.substring("spec.".length());
        int end = rest.length();
        for (char c : new char[] {'.', '['}) {
          int i = rest.indexOf(c);
          if (i >= 0 && i < end) {
            end = i;
          }
        }
        fields.add(rest.substring(0, end));
      }
    }
    return fields;
  }

  /**
   * The merge patch that sets {@code fields} of {@code spec} to their rendered value, with the
   * {@code resourceVersion} of {@code applied} as a precondition; empty when no field is left.
   */
  @SuppressWarnings("unchecked")
  static Optional<String> patch(HasMetadata desired, HasMetadata applied, Set<String> fields) {
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> desiredSpec =
        (Map<String, Object>) Planner.comparable(Json.toMap(desired)).get("spec");
    Map<String, Object> spec = new LinkedHashMap<>();
    fields.forEach(f -> spec.put(f, desiredSpec.get(f)));
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", Map.of("resourceVersion", applied.getMetadata().getResourceVersion()));
    patch.put("spec", spec);
    return Optional.of(Json.toJson(patch));
  }
}
