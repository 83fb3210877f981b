package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Converts a {@code LabelSelector} object ({@code matchLabels}, {@code matchExpressions}) into the
 * selector string of list requests and Scale status.
 *
 * <p>Stateless and thread-safe.
 */
public final class Selectors {
  private Selectors() {}

  /** {@code k=v,k2 in (a,b),k3,!k4}; a bare map is read as matchLabels. */
  public static String toString(JsonNode selector) {
    List<String> parts = new ArrayList<>();
    JsonNode labels =
        selector.has("matchLabels") || selector.has("matchExpressions")
            ? selector.path("matchLabels")
            : selector;
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      if (e.getValue().isValueNode()) {
        parts.add(e.getKey() + "=" + e.getValue().asString());
      }
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = Json.text(expr, "key");
      List<String> values = new ArrayList<>();
      expr.path("values").forEach(v -> values.add(v.asString()));
      String op = String.valueOf(Json.text(expr, "operator"));
      switch (op) {
        case "In":
          parts.add(key + " in (" + String.join(",", values) + ")");
          break;
        case "NotIn":
          parts.add(key + " notin (" + String.join(",", values) + ")");
          break;
        case "Exists":
          parts.add(key);
          break;
        case "DoesNotExist":
          parts.add("!" + key);
          break;
        default:
          throw ApiException.badRequest("unknown label selector operator \"" + op + "\"");
      }
    }
    return String.join(",", parts);
  }
}
