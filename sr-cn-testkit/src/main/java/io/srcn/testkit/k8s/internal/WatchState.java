package io.srcn.testkit.k8s.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of one watch (which objects the client has seen, whether it is closed, its timers) and
 * the encoding of watch events.
 *
 * <p>Thread-safe.
 */
final class WatchState {
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final List<Future<?>> timers = new CopyOnWriteArrayList<>();

  /** Marks an object as seen by the client; true when it was not seen before. */
  boolean delivered(String key) {
    return delivered.add(key);
  }

  boolean isDelivered(String key) {
    return delivered.contains(key);
  }

  /** Forgets an object; true when the client had seen it. */
  boolean forget(String key) {
    return delivered.remove(key);
  }

  /** Registers a timer cancelled when the watch closes. */
  void onCancel(Future<?> timer) {
    timers.add(timer);
    if (closed.get()) {
      timer.cancel(false);
    }
  }

  /** Closes the watch to new events and cancels its timers; true the first time. */
  boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    for (Future<?> t : timers) {
      t.cancel(false);
    }
    return true;
  }

  boolean closed() {
    return closed.get();
  }

  /** Marks the transport ended; true the first time. */
  boolean end() {
    return ended.compareAndSet(false, true);
  }

  boolean ended() {
    return ended.get();
  }

  /** A watch event. */
  static String event(String type, String objectJson) {
    return "{\"type\":\"" + type + "\",\"object\":" + objectJson + "}";
  }

  /**
   * The ERROR event for a resourceVersion older than the window: a 410 {@code Expired} Status with
   * the watch cache's message (NewResourceExpired in
   * k8s.io/apiserver/pkg/storage/cacher/watch_cache.go, sent as an ERROR event by cacher.go's
   * newErrWatcher rather than as an HTTP error).
   */
  static String expired(long requested, long oldest) {
    ObjectNode status =
        Responses.statusBody(
            410, "Expired", "too old resource version: " + requested + " (" + oldest + ")");
    return event("ERROR", Json.write(status));
  }

  /** A BOOKMARK event: an empty object of the kind carrying only the resourceVersion. */
  static String bookmark(ApiResource r, long resourceVersion) {
    ObjectNode o = Json.object();
    o.put("kind", r.kind());
    o.put("apiVersion", r.groupVersion());
    o.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
    return event("BOOKMARK", Json.write(o));
  }

  /** {@code timeoutSeconds}: 0 when absent; a malformed value is a 400. */
  static long timeoutSeconds(ApiRequest req) {
    String raw = req.query().get("timeoutSeconds");
    if (raw == null || raw.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid timeoutSeconds: " + raw);
    }
  }

  /** A resourceVersion as a number, or -1 when it is not one. */
  static long parse(String resourceVersion) {
    try {
      return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
