package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Watches, implemented here rather than by fabric8's CRUD dispatcher, whose watch listener blocks
 * the server's event loop when a client closes a watch while events are being sent (the send waits
 * for the event loop, the close waits for the send). Events are published in store order by the
 * write that caused them and written by one sender thread; closing a watch never blocks.
 *
 * <p>Semantics: a watch without {@code resourceVersion} (or "0") starts with ADDED for every
 * matching object; with one, only objects changed since are sent, and objects deleted since (the
 * last {@value Tombstones#CAPACITY} deletions are remembered) as DELETED. An object that starts or
 * stops matching the selectors is sent as ADDED or DELETED. No bookmarks, no 410 Gone, no timeouts.
 *
 * <p>Thread-safe.
 */
final class WatchHub implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ApiDispatcher server;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private final Tombstones tombstones = new Tombstones();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "srcn-mock-k8s-watch-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  WatchHub(ApiDispatcher server) {
    this.server = server;
  }

  /** The WebSocket upgrade answering a watch request. */
  MockResponse open(ApiRequest req, ApiResource r) {
    ObjectFilter filter = ObjectFilter.of(req);
    String since = req.query().getOrDefault("resourceVersion", "");
    return new MockResponse()
        .withWebSocketUpgrade(
            new Watch(r, r.namespaced() ? req.namespace() : null, req.name(), filter, since));
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

  /** Closes every watch and stops the sender. */
  @Override
  public void close() {
    for (Watch w : watches) {
      w.shutdown();
    }
    watches.clear();
    sender.shutdownNow();
  }

  private final class Watch extends WebSocketListener {
    private final ApiResource resource;
    private final String namespace;
    private final String name;
    private final ObjectFilter filter;
    private final String since;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private volatile WebSocket socket;
    private volatile boolean closed;

    Watch(ApiResource resource, String namespace, String name, ObjectFilter filter, String since) {
      this.resource = resource;
      this.namespace = namespace;
      this.name = name;
      this.filter = filter;
      this.since = since;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      server.read(
          () -> {
            long from = since.isEmpty() || since.equals("0") ? -1 : parse(since);
            for (StoredObject o : server.store().list(resource, namespace)) {
              JsonNode tree = o.tree();
              if (matches(tree)) {
                delivered.add(key(tree));
                if (from < 0 || parse(Json.text(tree, "metadata", "resourceVersion")) > from) {
                  send("ADDED", o.json());
                }
              }
            }
            if (from >= 0) {
              replayDeletionsSince(from);
            }
            watches.add(this);
            return null;
          });
    }

    /** Objects deleted after {@code from} that are not back in the store: DELETED, in order. */
    private void replayDeletionsSince(long from) {
      for (Tombstone t : tombstones.since(from)) {
        JsonNode tree = Json.parse(t.json());
        if (matches(tree) && !delivered.contains(key(tree))) {
          send("DELETED", t.json());
        }
      }
    }

    void offer(String before, JsonNode beforeNode, String after, JsonNode afterNode) {
      JsonNode latest = afterNode != null ? afterNode : beforeNode;
      if (closed || !sameType(latest)) {
        return;
      }
      String key = key(latest);
      if (afterNode == null) {
        if (delivered.remove(key)) {
          send("DELETED", before);
        }
      } else if (matches(afterNode)) {
        send(delivered.add(key) ? "ADDED" : "MODIFIED", after);
      } else if (delivered.remove(key)) {
        send("DELETED", after);
      }
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

    private void send(String type, String json) {
      String event = "{\"type\":\"" + type + "\",\"object\":" + json + "}";
      try {
        sender.execute(
            () -> {
              WebSocket s = socket;
              if (!closed && s != null) {
                s.send(event);
              }
            });
      } catch (RejectedExecutionException e) {
        closed = true;
      }
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

    void shutdown() {
      if (closed) {
        return;
      }
      closed = true;
      watches.remove(this);
      WebSocket s = socket;
      if (s != null) {
        try {
          sender.execute(() -> s.close(1000, "watch closed"));
        } catch (RejectedExecutionException e) {
          // server stopping
        }
      }
    }

    private String key(JsonNode o) {
      return Json.text(o, "metadata", "namespace") + "/" + Json.text(o, "metadata", "name");
    }
  }

  private static long parse(String resourceVersion) {
    try {
      return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
