package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps fabric8's watch listener so that only events for objects matching the request's selectors
 * reach the client. As on a real server, an object that stops matching is sent as DELETED and one
 * that starts matching as ADDED.
 *
 * <p>Thread-safe.
 */
final class FilteringWatchListener extends WebSocketListener {
  private final WebSocketListener delegate;
  private final Predicate<JsonNode> accept;
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();

  FilteringWatchListener(WebSocketListener delegate, Predicate<JsonNode> accept) {
    this.delegate = delegate;
    this.accept = accept;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(new Filtering(webSocket), response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(new Filtering(webSocket), response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    delegate.onClosing(webSocket, code, reason);
  }

  /** Called on the event loop; the delegate's handler blocks, so it runs elsewhere. */
  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    WatchListeners.closeOffLoop(() -> delegate.onClosed(webSocket, code, reason));
  }

  /** Called on the event loop; the delegate's handler blocks, so it runs elsewhere. */
  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    WatchListeners.closeOffLoop(() -> delegate.onFailure(webSocket, t, response));
  }

  /** The event to send instead of {@code text}, or null to drop it. */
  String filter(String text) {
    JsonNode event = Json.parse(text);
    JsonNode object = event.path("object");
    String type = Json.text(event, "type");
    if (type == null || !object.isObject() || object.path("metadata").isMissingNode()) {
      return text;
    }
    String key =
        Json.text(object, "metadata", "namespace") + "/" + Json.text(object, "metadata", "name");
    boolean matches = !type.equals("DELETED") && accept.test(object);
    boolean known = delivered.contains(key);
    if (type.equals("DELETED")) {
      return delivered.remove(key) ? text : null;
    }
    if (matches) {
      delivered.add(key);
      return withType(text, event, known ? "MODIFIED" : "ADDED", type);
    }
    return known && delivered.remove(key) ? withType(text, event, "DELETED", type) : null;
  }

  private static String withType(String text, JsonNode event, String wanted, String actual) {
    if (wanted.equals(actual)) {
      return text;
    }
    ObjectNode copy = (ObjectNode) event.deepCopy();
    copy.put("type", wanted);
    return Json.write(copy);
  }

  private final class Filtering implements WebSocket {
    private final WebSocket socket;

    Filtering(WebSocket socket) {
      this.socket = socket;
    }

    @Override
    public RecordedRequest request() {
      return socket.request();
    }

    @Override
    public boolean send(String text) {
      String out = filter(text);
      return out == null || socket.send(out);
    }

    @Override
    public boolean send(byte[] bytes) {
      return socket.send(bytes);
    }

    @Override
    public boolean send(ByteString bytes) {
      return socket.send(bytes);
    }

    @Override
    public boolean close(int code, String reason) {
      return socket.close(code, reason);
    }
  }
}
