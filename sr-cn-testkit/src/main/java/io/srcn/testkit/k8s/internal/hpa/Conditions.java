package io.srcn.testkit.k8s.internal.hpa;

import io.srcn.testkit.k8s.internal.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HPA status conditions, keeping lastTransitionTime while a condition's status is unchanged.
 *
 * <p>Not thread-safe.
 */
final class Conditions {
  private final Map<String, ObjectNode> byType = new LinkedHashMap<>();
  private final Map<String, JsonNode> previous = new LinkedHashMap<>();
  private final String now;

  Conditions(JsonNode old, Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (JsonNode c : old) {
      previous.put(Json.text(c, "type"), c);
    }
    for (String type : new String[] {"AbleToScale", "ScalingActive", "ScalingLimited"}) {
      if (previous.containsKey(type)) {
        byType.put(type, (ObjectNode) previous.get(type).deepCopy());
      }
    }
  }

  void set(String type, boolean value, String reason, String message) {
    String status = value ? "True" : "False";
    JsonNode before = previous.get(type);
    String since =
        before != null && status.equals(Json.text(before, "status"))
            ? Json.text(before, "lastTransitionTime")
            : now;
    ObjectNode c = Json.object();
    c.put("type", type)
        .put("status", status)
        .put("lastTransitionTime", since)
        .put("reason", reason)
        .put("message", message);
    byType.put(type, c);
  }

  ArrayNode toJson() {
    ArrayNode out = Json.array();
    for (String type : new String[] {"AbleToScale", "ScalingActive", "ScalingLimited"}) {
      if (byType.containsKey(type)) {
        out.add(byType.get(type));
      }
    }
    return out;
  }
}
