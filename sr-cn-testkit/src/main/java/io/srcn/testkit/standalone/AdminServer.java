package io.srcn.testkit.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.srcn.testkit.fe.FakeFrontend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The launcher's admin surface for non-Java platforms: a small HTTP/JSON API on {@code 127.0.0.1}
 * that drives a {@link FakeFrontend}'s test controls (the same ones the Java API has). Every answer
 * is JSON; a bad request gets status 400 and {@code {"error": "..."}} naming the parameter.
 *
 * <pre>
 * GET    /health                         {"fe":"127.0.0.1:P","running":true,"openConnections":N}
 * POST   /fail?count=N[&amp;code=C&amp;state=S&amp;message=M&amp;match=REGEX]   next N (matching) statements fail
 * POST   /clear-failures
 * POST   /latency?ms=N                   delay before every answer (0 = none)
 * POST   /refuse-logins?enabled=true|false
 * POST   /drop-connections
 * POST   /restart                        stop and start on the same port (state kept)
 * POST   /heartbeat                      one heartbeat round now
 * GET    /statements                     the statement log, oldest first
 * DELETE /statements                     empties it
 * GET    /nodes                          the compute nodes
 * GET    /counts                         {"nodes":N,"statements":N} (without copying either out)
 * </pre>
 *
 * <p>The {@code sandbox} command adds its API server's endpoints ({@link KubernetesAdmin}).
 *
 * <p>Thread-safe; requests are served one at a time.
 */
final class AdminServer implements AutoCloseable {
  /** What {@code /fail} sends unless told otherwise: the FE's generic error. */
  static final int DEFAULT_CODE = 1064;

  private final HttpServer http;
  private final ExecutorService executor;
  private final FakeFrontend fe;
  private final KubernetesAdmin k8s;

  private AdminServer(
      HttpServer http, ExecutorService executor, FakeFrontend fe, KubernetesAdmin k8s) {
    this.http = http;
    this.executor = executor;
    this.fe = fe;
    this.k8s = k8s;
  }

  /**
   * Starts serving {@code fe} on {@code 127.0.0.1:port} (0 = a free port).
   *
   * @throws IOException when the port cannot be bound
   */
  static AdminServer start(FakeFrontend fe, int port) throws IOException {
    return start(fe, null, port);
  }

  /**
   * Starts serving {@code fe} and, when not null, the {@code k8s} endpoints on {@code
   * 127.0.0.1:port} (0 = a free port).
   *
   * @throws IOException when the port cannot be bound
   */
  static AdminServer start(FakeFrontend fe, KubernetesAdmin k8s, int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fake-fe-admin");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    AdminServer admin = new AdminServer(http, executor, fe, k8s);
    http.createContext("/", admin::handle);
    http.start();
    return admin;
  }

  /** {@code http://127.0.0.1:port}. */
  String address() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      try {
        String body = route(method, path, q);
        if (body == null) {
          send(ex, 404, error("no such endpoint: " + method + " " + path + "; see --help"));
        } else {
          send(ex, 200, body);
        }
      } catch (IllegalArgumentException e) {
        send(ex, 400, error(e.getMessage()));
      } catch (RuntimeException e) {
        send(ex, 500, error(e.toString()));
      }
    }
  }

  private String route(String method, String path, Map<String, String> q) {
    String key = method + " " + path;
    switch (key) {
      case "GET /health":
        return "{\"fe\":"
            + Json.string(fe.address().toString())
            + ",\"running\":"
            + fe.isRunning()
            + ",\"openConnections\":"
            + fe.openConnections()
            + "}";
      case "POST /fail":
        fail(q);
        return ok();
      case "POST /clear-failures":
        fe.clearFailures();
        return ok();
      case "POST /latency":
        fe.setLatency(Duration.ofMillis(intParam(q, "ms", null, 0, 3_600_000)));
        return ok();
      case "POST /refuse-logins":
        fe.refuseLogins(boolParam(q, "enabled"));
        return ok();
      case "POST /drop-connections":
        fe.dropAllConnections();
        return ok();
      case "POST /restart":
        fe.restart();
        return ok();
      case "POST /heartbeat":
        fe.heartbeatNow();
        return ok();
      case "GET /statements":
        return Json.array(fe.statements(), Json::statement);
      case "DELETE /statements":
        fe.clearStatements();
        return ok();
      case "GET /nodes":
        return Json.array(fe.computeNodes(), Json::node);
      case "GET /counts":
        return "{\"nodes\":"
            + fe.computeNodeCount()
            + ",\"statements\":"
            + fe.statementCount()
            + "}";
      default:
        return k8s == null ? null : k8s.route(method, path, q);
    }
  }

  private void fail(Map<String, String> q) {
    int count = intParam(q, "count", null, 1, 1_000_000);
    int code = intParam(q, "code", DEFAULT_CODE, 1, 65535);
    String state = q.getOrDefault("state", "HY000");
    if (state.length() != 5) {
      throw new IllegalArgumentException(
          "parameter state must be 5 characters, was '" + state + "'");
    }
    String message = q.getOrDefault("message", "injected failure");
    Predicate<String> matcher = sql -> true;
    if (q.containsKey("match")) {
      try {
        Pattern p = Pattern.compile(q.get("match"), Pattern.CASE_INSENSITIVE);
        matcher = sql -> p.matcher(sql).find();
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "parameter match is not a regular expression: " + e.getDescription());
      }
    }
    fe.failNextStatements(count, matcher, code, state, message);
  }

  private static int intParam(
      Map<String, String> q, String name, Integer fallback, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      if (fallback == null) {
        throw new IllegalArgumentException("parameter " + name + " is required");
      }
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "parameter " + name + " must be an integer in " + min + ".." + max + ", was '" + v + "'");
  }

  private static boolean boolParam(Map<String, String> q, String name) {
    String v = q.get(name);
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(
        "parameter "
            + name
            + " must be true or false, was "
            + (v == null ? "absent" : "'" + v + "'"));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(decode(k), decode(v));
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String ok() {
    return "{\"ok\":true}";
  }

  private static String error(String message) {
    return "{\"error\":" + Json.string(message) + "}";
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
