package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * fabric8's {@link MockWebServer} with one addition the real API server has and fabric8's lacks:
 * watches streamed over plain HTTP ({@code GET ...?watch=true} or a legacy {@code /watch/} path,
 * answered with a chunked {@code application/json} body of one JSON event per line, as
 * k8s.io/apiserver/pkg/endpoints/handlers/watch.go does). That is how client-go (kubectl), the
 * Python and the Ruby clients watch; fabric8 watches over WebSocket, which stays fabric8's. Every
 * other request goes to fabric8's own request handler unchanged. Unlike the parent, requests are
 * not queued for {@code takeRequest()} (the queue grew without bound) and not logged.
 *
 * <p>Thread-safe.
 */
public final class ApiHttpServer extends MockWebServer {
  private static final VarHandle VERTX;

  static {
    try {
      VERTX =
          MethodHandles.privateLookupIn(MockWebServer.class, MethodHandles.lookup())
              .findVarHandle(MockWebServer.class, "vertx", Vertx.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ApiDispatcher api;
  private volatile Dispatcher dispatcher;
  private HttpServer http; // guarded by this
  private String hostName; // guarded by this
  private int port = -1; // guarded by this

  /** A server whose watches over HTTP are served by {@code api}. */
  public ApiHttpServer(ApiDispatcher api) {
    this.api = api;
    this.dispatcher = api;
  }

  @Override
  public void setDispatcher(Dispatcher dispatcher) {
    super.setDispatcher(dispatcher);
    this.dispatcher = dispatcher;
  }

  @Override
  public synchronized void start(InetAddress address, int port) {
    if (http != null) {
      throw new IllegalStateException("start() already called");
    }
    Vertx vertx = (Vertx) VERTX.get(this);
    HttpServerRequestHandler fabric8 =
        new HttpServerRequestHandler(vertx) {
          @Override
          protected MockResponse onHttpRequest(RecordedRequest request) {
            return dispatcher.dispatch(request);
          }
        };
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(address.getHostAddress())
            .setPort(port)
            .setWebSocketSubProtocols(
                List.of(
                    "v1.channel.k8s.io",
                    "v2.channel.k8s.io",
                    "v3.channel.k8s.io",
                    "v4.channel.k8s.io"))
            .setHandle100ContinueAutomatically(true)
            .setWebSocketClosingTimeout(1);
    HttpServer server = vertx.createHttpServer(options);
    server.requestHandler(
        req -> {
          if (isHttpWatch(req)) {
            streamWatch(req);
          } else {
            fabric8.handle(req);
          }
        });
    this.http = await(server.listen());
    this.port = http.actualPort();
    this.hostName = address.getHostName();
  }

  @Override
  public synchronized int getPort() {
    if (http == null) {
      throw new IllegalStateException("the server is not started");
    }
    return port;
  }

  @Override
  public synchronized String getHostName() {
    return hostName;
  }

  @Override
  public synchronized void shutdown() {
    if (http == null) {
      return;
    }
    HttpServer server = http;
    http = null;
    dispatcher.shutdown();
    try {
      await(server.close());
    } finally {
      await(((Vertx) VERTX.get(this)).close());
    }
  }

  private static boolean isHttpWatch(HttpServerRequest req) {
    if (req.method() != io.vertx.core.http.HttpMethod.GET
        || "websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      return false;
    }
    String uri = req.uri();
    return uri.contains("watch") && toApiRequest(req).isWatch();
  }

  private static ApiRequest toApiRequest(HttpServerRequest req) {
    Headers.Builder headers = Headers.builder();
    req.headers().forEach(e -> headers.add(e.getKey(), e.getValue()));
    return ApiRequest.of(
        new RecordedRequest("HTTP/1.1", HttpMethod.GET, req.uri(), headers.build(), new Buffer()),
        false);
  }

  private void streamWatch(HttpServerRequest req) {
    HttpServerResponse response = req.response();
    HttpWatchSink sink = new HttpWatchSink(response);
    MockResponse failed = api.streamWatch(toApiRequest(req), sink);
    if (failed != null) {
      response.setStatusCode(failed.code());
      failed.getHeaders().toMultimap().forEach((k, v) -> response.putHeader(k, v));
      response.end(io.vertx.core.buffer.Buffer.buffer(failed.getBody().getBytes()));
    }
  }

  private static <T> T await(Future<T> future) {
    CompletableFuture<T> done = new CompletableFuture<>();
    future.onComplete(
        (value, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            done.complete(value);
          }
        });
    try {
      return done.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("mock API server: " + e.getMessage(), e);
    }
  }
}
