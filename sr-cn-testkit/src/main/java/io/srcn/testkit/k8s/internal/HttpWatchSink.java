package io.srcn.testkit.k8s.internal;

import io.vertx.core.http.HttpServerResponse;

/**
 * A watch streamed as a chunked HTTP response, one JSON event per line: status 200 and the headers
 * are flushed at once, before any event, as k8s.io/apiserver/pkg/endpoints/handlers/watch.go does
 * (clients wait for the headers before reading events).
 *
 * <p>Thread-safe (Vert.x responses accept writes from any thread).
 */
final class HttpWatchSink implements WatchSink {
  private final HttpServerResponse response;
  private volatile Runnable cancel = () -> {};

  HttpWatchSink(HttpServerResponse response) {
    this.response = response;
  }

  @Override
  public void open(Runnable cancel) {
    this.cancel = cancel;
    response.closeHandler(v -> cancel.run());
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Cache-Control", "no-cache, private");
    response.writeHead();
  }

  @Override
  public void send(String event) {
    try {
      response.write(event + "\n");
    } catch (RuntimeException e) {
      cancel.run(); // the client went away
    }
  }

  @Override
  public void end() {
    try {
      response.end();
    } catch (RuntimeException e) {
      // already closed by the client
    }
  }
}
