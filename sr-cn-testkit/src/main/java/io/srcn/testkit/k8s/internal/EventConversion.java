package io.srcn.testkit.k8s.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * events.k8s.io/v1 Events to and from the stored core/v1 shape (one storage: kubernetes
 * pkg/apis/events/v1/conversion.go): {@code regarding} is {@code involvedObject}, {@code note} is
 * {@code message}, {@code deprecatedSource/FirstTimestamp/LastTimestamp/Count} are {@code
 * source/firstTimestamp/lastTimestamp/count}, {@code reportingController} is {@code
 * reportingComponent}; the other fields have the same name. Field selectors name {@code
 * regarding.*} for {@code involvedObject.*} (AddFieldLabelConversionsForEvent in the same file).
 *
 * <p>Stateless and thread-safe; every method works on a copy.
 */
final class EventConversion {
  /** events.k8s.io/v1 field name to core/v1 field name. */
  private static final Map<String, String> TO_CORE =
      Map.of(
          "regarding", "involvedObject",
          "note", "message",
          "deprecatedSource", "source",
          "deprecatedFirstTimestamp", "firstTimestamp",
          "deprecatedLastTimestamp", "lastTimestamp",
          "deprecatedCount", "count",
          "reportingController", "reportingComponent");

  private EventConversion() {}

  /** A stored core/v1 Event seen as events.k8s.io/v1. */
  static ObjectNode toEventsV1(JsonNode core) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> e : core.properties()) {
      String name = e.getKey();
      for (Map.Entry<String, String> rename : TO_CORE.entrySet()) {
        if (rename.getValue().equals(name)) {
          name = rename.getKey();
          break;
        }
      }
      out.set(name, e.getValue().deepCopy());
    }
    out.put("apiVersion", "events.k8s.io/v1");
    return out;
  }

  /** An events.k8s.io/v1 Event (or apply configuration) in the stored core/v1 shape. */
  static ObjectNode toCore(JsonNode eventsV1) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> e : eventsV1.properties()) {
      out.set(TO_CORE.getOrDefault(e.getKey(), e.getKey()), e.getValue().deepCopy());
    }
    out.put("apiVersion", "v1");
    return out;
  }

  /** An events.k8s.io field selector in core/v1 terms ({@code regarding.name=x} and so on). */
  static String fieldSelectorToCore(String selector) {
    if (selector == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String term : selector.split(",", -1)) {
      if (out.length() > 0) {
        out.append(',');
      }
      String t = term.trim();
      if (t.startsWith("regarding.")) {
        t = "involvedObject." + t.substring("regarding.".length());
      } else if (t.startsWith("reportingController")) {
        t = "reportingComponent" + t.substring("reportingController".length());
      }
      out.append(t);
    }
    return out.toString();
  }
}
