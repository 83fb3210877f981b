package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7386 JSON merge patch: objects merge recursively, {@code null} deletes a key, and every other
 * value (arrays included) replaces the target.
 *
 * <p>Stateless and thread-safe.
 */
public final class MergePatch {
  private MergePatch() {}

  /** Applies {@code patch} to a copy of {@code target} and returns the result. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(patch.properties());
    for (Map.Entry<String, JsonNode> e : entries) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }
}
