package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * StatefulSet revisions: {@code <sts>-<hash of the pod template>} with the template's keys sorted,
 * so re-applying the same template never rolls pods.
 *
 * <p>Stateless and thread-safe.
 */
final class Revisions {
  /** The pod label carrying the revision. */
  static final String LABEL = "controller-revision-hash";

  private Revisions() {}

  static String of(String statefulSet, JsonNode template) {
    byte[] bytes = Json.write(canonical(template)).getBytes(StandardCharsets.UTF_8);
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return statefulSet + "-" + Integer.toUnsignedString(hash, 36);
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>(node.propertyNames());
      Collections.sort(keys);
      ObjectNode out = Json.object();
      for (String k : keys) {
        out.set(k, canonical(node.get(k)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(e -> out.add(canonical(e)));
      return out;
    }
    return node;
  }
}
