package io.srcn.testkit.k8s.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A change in the store: the object's JSON before and after (null when created or removed).
 *
 * @param before the JSON before, or null when the object was created
 * @param after the JSON after, or null when the object was removed
 * @param at when the store changed: taken before any watcher is told, so no client can have seen
 *     the change earlier
 */
public record StoreChange(String before, String after, Instant at) {
  /** The latest known state as a tree (after, else before). */
  public JsonNode latest() {
    return Json.parse(after != null ? after : before);
  }

  /** Whether the object was removed from the store. */
  public boolean removed() {
    return after == null;
  }
}
