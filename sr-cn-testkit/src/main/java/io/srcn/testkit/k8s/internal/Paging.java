package io.srcn.testkit.k8s.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code limit} and {@code continue} of a list. The continue token has the real server's shape
 * (base64url of {@code {"v":"meta.k8s.io/v1","rv":N,"start":KEY}}, k8s.io/apiserver
 * pkg/storage/continue.go); the next page starts after KEY in name order. Unlike etcd, later pages
 * show the objects as they are now, not as they were at the first page's resourceVersion.
 *
 * <p>Immutable and thread-safe.
 */
final class Paging {
  private final long limit;
  private final String start;
  private final long resourceVersion;

  private Paging(long limit, String start, long resourceVersion) {
    this.limit = limit;
    this.start = start;
    this.resourceVersion = resourceVersion;
  }

  /** The paging of a list request; a malformed limit or continue token is a 400. */
  static Paging of(ApiRequest req, long currentResourceVersion) {
    long limit = 0;
    String raw = req.query().get("limit");
    if (raw != null && !raw.isEmpty()) {
      try {
        limit = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid limit: " + raw);
      }
    }
    String token = req.query().get("continue");
    if (token == null || token.isEmpty()) {
      return new Paging(Math.max(0, limit), null, currentResourceVersion);
    }
    try {
      JsonNode t =
          Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      String startKey = Json.text(t, "start");
      if (!"meta.k8s.io/v1".equals(Json.text(t, "v")) || startKey == null) {
        throw new IllegalArgumentException("unknown token");
      }
      return new Paging(Math.max(0, limit), startKey, t.path("rv").asLong());
    } catch (RuntimeException e) {
      throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
    }
  }

  /** The sort key of an object (namespace, then name: the store's list order). */
  static String key(StoredObject o) {
    return (o.namespace() == null ? "" : o.namespace()) + "\u0000" + o.name();
  }

  /** The key after which this page starts, or null for the first page. */
  String start() {
    return start;
  }

  /** The most items a page holds (0: no limit). */
  long limit() {
    return limit;
  }

  /** Whether a page holding {@code size} items is full. */
  boolean full(int size) {
    return limit > 0 && size >= limit;
  }

  /** The resourceVersion the list reports (the first page's, on later pages). */
  long resourceVersion() {
    return resourceVersion;
  }

  /** The continue token of the page after the one ending at {@code lastKey}. */
  String next(String lastKey) {
    ObjectNode t = Json.object();
    t.put("v", "meta.k8s.io/v1");
    t.put("rv", resourceVersion);
    t.put("start", lastKey);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(t).getBytes(StandardCharsets.UTF_8));
  }
}
