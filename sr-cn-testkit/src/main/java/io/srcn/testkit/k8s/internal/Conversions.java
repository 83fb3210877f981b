package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts objects between the version a client addresses and the version that stores them (see
 * {@link ApiResources#storageOf}): HorizontalPodAutoscalers ({@link HpaConversion}) and Events
 * ({@link EventConversion}).
 *
 * <p>Stateless and thread-safe; every method returns a new tree.
 */
final class Conversions {
  private Conversions() {}

  /** A stored object as {@code view} shows it. */
  static ObjectNode toView(JsonNode stored, ApiResource view, ApiResource storage) {
    if (view.kind().equals("HorizontalPodAutoscaler")) {
      if (view.version().equals("v1")) {
        return HpaConversion.toV1(stored);
      }
      ObjectNode out = (ObjectNode) stored.deepCopy();
      out.put("apiVersion", view.groupVersion());
      return out;
    }
    if (view.kind().equals("Event")) {
      return EventConversion.toEventsV1(stored);
    }
    throw new IllegalStateException("no conversion from " + storage + " to " + view);
  }

  /**
   * An object written through {@code view} in the stored shape; {@code partial} for an apply
   * configuration (no implicit defaults are added).
   */
  static ObjectNode toStorage(
      JsonNode written, ApiResource view, ApiResource storage, boolean partial) {
    if (view.kind().equals("HorizontalPodAutoscaler")) {
      if (view.version().equals("v1")) {
        return HpaConversion.fromV1(written, storage.groupVersion(), partial);
      }
      ObjectNode out = (ObjectNode) written.deepCopy();
      out.put("apiVersion", storage.groupVersion());
      return out;
    }
    if (view.kind().equals("Event")) {
      return EventConversion.toCore(written);
    }
    throw new IllegalStateException("no conversion from " + view + " to " + storage);
  }

  /** A response body of the storage version (an object or a list) as {@code view} shows it. */
  static String responseToView(String body, ApiResource view, ApiResource storage) {
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (ApiException e) {
      return body;
    }
    String kind = Json.text(node, "kind");
    if (!(node instanceof ObjectNode o)
        || !storage.groupVersion().equals(Json.text(node, "apiVersion"))) {
      return body;
    }
    if (storage.kind().equals(kind)) {
      return Json.write(toView(o, view, storage));
    }
    if ((storage.kind() + "List").equals(kind)) {
      o.put("apiVersion", view.groupVersion());
      var items = Json.array();
      for (JsonNode item : o.path("items")) {
        items.add(toView(item, view, storage));
      }
      o.set("items", items);
      return Json.write(o);
    }
    return body;
  }
}
