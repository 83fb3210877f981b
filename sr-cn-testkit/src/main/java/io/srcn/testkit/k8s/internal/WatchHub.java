package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Watches, implemented here rather than by fabric8's CRUD dispatcher, whose watch listener blocks
 * the server's event loop when a client closes a watch while events are being sent. Events are
 * published in store order by the write that caused them and written by one sender thread, over a
 * WebSocket (fabric8) or a chunked HTTP response (every other client); closing never blocks.
 *
 * <p>Semantics, as in the API server's watch cache (k8s.io/apiserver/pkg/storage/cacher/cacher.go,
 * watch_cache.go, cache_watcher.go):
 *
 * <ul>
 *   <li>without {@code resourceVersion} (or "0") a watch starts with ADDED for every matching
 *       object; with one, objects changed since are sent (as ADDED) and objects deleted since (the
 *       last {@value Tombstones#CAPACITY} deletions are remembered) as DELETED;
 *   <li>a {@code resourceVersion} older than the retention window (the last {@value #WINDOW}
 *       versions, the oldest remembered deletion, or the last {@link #compact()}) gets one ERROR
 *       event carrying a 410 {@code Expired} Status "too old resource version: RV (OLDEST)" and the
 *       watch ends, so informers relist;
 *   <li>{@code timeoutSeconds} ends the watch after that long (no timeout when absent; the real
 *       server picks 30 to 60 minutes);
 *   <li>{@code allowWatchBookmarks=true}: a BOOKMARK event (an empty object of the kind carrying
 *       the current resourceVersion) every {@link #bookmarkInterval} and 2 s before the timeout;
 *   <li>an object that starts or stops matching the selectors is sent as ADDED or DELETED.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class WatchHub implements AutoCloseable {
  /** How many resourceVersions back a watch may resume from. */
  static final long WINDOW = 10_000;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ApiDispatcher server;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private final Tombstones tombstones = new Tombstones();
  private final ScheduledThreadPoolExecutor sender;
  private volatile Duration bookmarkInterval = Duration.ofMinutes(1);
  private volatile long compactedAt; // watches from older versions get 410

  WatchHub(ApiDispatcher server) {
    this.server = server;
    this.sender =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "srcn-mock-k8s-watch-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    sender.setRemoveOnCancelPolicy(true);
  }

  /**
   * The WebSocket upgrade answering a watch request (fabric8's transport) on the objects of {@code
   * r}, sent as {@code view} shows them (another version of the same objects, or {@code r}).
   */
  MockResponse open(ApiRequest req, ApiResource r, ApiResource view) {
    Watch w = new Watch(r, req, view);
    return new MockResponse().withWebSocketUpgrade(w.new Socket());
  }

  /**
   * Starts a watch streamed to {@code sink} (the chunked HTTP transport); the options are checked
   * first, so a bad one is an exception (a 400 response) rather than a started stream.
   */
  void stream(ApiRequest req, ApiResource r, WatchSink sink, ApiResource view) {
    new Watch(r, req, view).start(sink);
  }

  /**
   * Publishes a store change to every open watch (callers hold the store's write lock). A deletion
   * gets a resourceVersion of its own and is kept as a tombstone, so that a watch opened later from
   * an older resourceVersion (an informer's list, then its watch) still hears of it.
   */
  void publish(String before, String after) {
    if (after == null && before != null) {
      Tombstone t = tombstones.add(before, server.requestResourceVersion());
      before = t.json();
    }
    if (watches.isEmpty()) {
      return;
    }
    JsonNode beforeNode = before == null ? null : Json.parse(before);
    JsonNode afterNode = after == null ? null : Json.parse(after);
    for (Watch w : watches) {
      w.offer(before, beforeNode, after, afterNode);
    }
  }

  /** Forgets history: a watch from any resourceVersion older than the current one gets 410. */
  void compact() {
    compactedAt = server.resourceVersion();
  }

  /** The oldest resourceVersion a watch may still resume from. */
  long oldestResumable() {
    return Math.max(
        Math.max(compactedAt, tombstones.evictedVersion()), server.resourceVersion() - WINDOW);
  }

  /** Sets how often bookmarks are sent to watches that allow them (one minute by default). */
  void bookmarkInterval(Duration interval) {
    this.bookmarkInterval = interval;
  }

  /** Ends every open watch, as watch timeouts do; clients re-watch. */
  void expireAll() {
    for (Watch w : watches) {
      w.shutdown();
    }
  }

  /** Ends every watch and stops the sender. */
  @Override
  public void close() {
    for (Watch w : watches) {
      w.shutdown();
    }
    watches.clear();
    sender.shutdown();
  }

  private final class Watch {
    private final ApiResource resource;
    private final ApiResource view;
    private final String namespace;
    private final String name;
    private final ObjectFilter filter;
    private final String since;
    private final long timeoutSeconds;
    private final boolean bookmarks;
    private final WatchState state = new WatchState();
    private volatile WatchSink sink;

    /** Parses the options; a malformed one is a 400 before anything is streamed. */
    Watch(ApiResource resource, ApiRequest req, ApiResource view) {
      this.resource = resource;
      this.view = view;
      this.namespace = resource.namespaced() ? req.namespace() : null;
      this.name = req.name();
      this.filter = ObjectFilter.of(req, resource);
      this.since = req.query().getOrDefault("resourceVersion", "");
      this.timeoutSeconds = WatchState.timeoutSeconds(req);
      this.bookmarks = req.flag("allowWatchBookmarks");
      if (!since.isEmpty() && WatchState.parse(since) < 0) {
        throw ApiException.badRequest("invalid resource version: " + since);
      }
    }

    /** Sends the initial events (or 410) and registers the watch, under the store lock. */
    void start(WatchSink target) {
      sink = target;
      target.open(this::shutdown);
      server.read(
          () -> {
            long from = since.isEmpty() || since.equals("0") ? -1 : WatchState.parse(since);
            long oldest = oldestResumable();
            if (from >= 0 && from < oldest) {
              send(WatchState.expired(from, oldest));
              enqueue(this::endSink);
              return null;
            }
            for (StoredObject o : server.store().list(resource, namespace)) {
              JsonNode tree = o.tree();
              if (matches(tree)) {
                state.delivered(key(tree));
                if (from < 0
                    || WatchState.parse(Json.text(tree, "metadata", "resourceVersion")) > from) {
                  send(WatchState.event("ADDED", shown(o.json())));
                }
              }
            }
            if (from >= 0) {
              replayDeletionsSince(from);
            }
            watches.add(this);
            schedule();
            return null;
          });
    }

    private void schedule() {
      try {
        if (timeoutSeconds > 0) {
          state.onCancel(sender.schedule(this::shutdown, timeoutSeconds, TimeUnit.SECONDS));
        }
        if (bookmarks) {
          long every = bookmarkInterval.toMillis();
          state.onCancel(
              sender.scheduleWithFixedDelay(this::bookmark, every, every, TimeUnit.MILLISECONDS));
          if (timeoutSeconds > 2) {
            state.onCancel(sender.schedule(this::bookmark, timeoutSeconds - 2, TimeUnit.SECONDS));
          }
        }
      } catch (RejectedExecutionException e) {
        shutdown();
      }
    }

    /** A BOOKMARK with the current resourceVersion, taken under the store lock (event order). */
    private void bookmark() {
      server.read(
          () -> {
            if (!state.closed()) {
              send(WatchState.bookmark(view, server.resourceVersion()));
            }
            return null;
          });
    }

    /** Objects deleted after {@code from} that are not back in the store: DELETED, in order. */
    private void replayDeletionsSince(long from) {
      for (Tombstone t : tombstones.since(from)) {
        JsonNode tree = Json.parse(t.json());
        if (matches(tree) && !state.isDelivered(key(tree))) {
          send(WatchState.event("DELETED", shown(t.json())));
        }
      }
    }

    void offer(String before, JsonNode beforeNode, String after, JsonNode afterNode) {
      JsonNode latest = afterNode != null ? afterNode : beforeNode;
      if (state.closed() || !sameType(latest)) {
        return;
      }
      String key = key(latest);
      if (afterNode == null) {
        if (state.forget(key)) {
          send(WatchState.event("DELETED", shown(before)));
        }
      } else if (matches(afterNode)) {
        send(WatchState.event(state.delivered(key) ? "ADDED" : "MODIFIED", shown(after)));
      } else if (state.forget(key)) {
        send(WatchState.event("DELETED", shown(after)));
      }
    }

    /** An object of the stored version as this watch's version shows it. */
    private String shown(String json) {
      return view == resource
          ? json
          : Json.write(Conversions.toView(Json.parse(json), view, resource));
    }

    private boolean sameType(JsonNode o) {
      return resource.kind().equals(Json.text(o, "kind"))
          && resource.groupVersion().equals(Json.text(o, "apiVersion"));
    }

    private boolean matches(JsonNode o) {
      return sameType(o)
          && (namespace == null || namespace.equals(Json.text(o, "metadata", "namespace")))
          && (name == null || name.equals(Json.text(o, "metadata", "name")))
          && filter.test(o);
    }

    private void send(String event) {
      enqueue(
          () -> {
            WatchSink s = sink;
            if (s != null && !state.ended()) {
              s.send(event);
            }
          });
    }

    private void enqueue(Runnable task) {
      try {
        sender.execute(task);
      } catch (RejectedExecutionException e) {
        state.close();
      }
    }

    private void endSink() {
      state.close();
      WatchSink s = sink;
      if (s != null && state.end()) {
        s.end();
      }
    }

    /** Ends the watch: no further events; the transport is closed after those already queued. */
    void shutdown() {
      if (!state.close()) {
        return;
      }
      watches.remove(this);
      try {
        sender.execute(this::endSink);
      } catch (RejectedExecutionException e) {
        // server stopping
      }
    }

    private String key(JsonNode o) {
      return Json.text(o, "metadata", "namespace") + "/" + Json.text(o, "metadata", "name");
    }

    /** The WebSocket transport: the watch starts once the socket is open. */
    final class Socket extends WebSocketListener {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        start(
            new WatchSink() {
              @Override
              public void send(String event) {
                webSocket.send(event);
              }

              @Override
              public void end() {
                webSocket.close(1000, "watch closed");
              }
            });
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        shutdown();
      }

      @Override
      public void onClosed(WebSocket webSocket, int code, String reason) {
        shutdown();
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        shutdown();
      }
    }
  }
}
