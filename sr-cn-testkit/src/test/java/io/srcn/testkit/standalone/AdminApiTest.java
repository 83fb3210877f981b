package io.srcn.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's HTTP/JSON admin API ({@code fe --admin-port 0}), driven as a non-Java platform
 * would: fail the next statements, latency, refused logins, dropped connections, restart, the
 * statement log and the node table. Issue 18 item 5.
 */
class AdminApiTest {
  private static final Pattern READY =
      Pattern.compile("READY fe=127\\.0\\.0\\.1:(\\d+) admin=(http://127\\.0\\.0\\.1:\\d+)\n");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CountDownLatch stop = new CountDownLatch(1);
  private CompletableFuture<Integer> status;
  private String jdbc;
  private String admin;

  @BeforeEach
  void launch() {
    status =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new String[] {"fe", "--admin-port", "0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    stop));
    await().atMost(Duration.ofSeconds(10)).until(() -> READY.matcher(stdout()).matches());
    Matcher m = READY.matcher(stdout());
    assertThat(m.matches()).isTrue();
    jdbc = "jdbc:mysql://127.0.0.1:" + m.group(1) + "/?connectTimeout=5000&socketTimeout=30000";
    admin = m.group(2);
  }

  @AfterEach
  void stopLauncher() throws Exception {
    stop.countDown();
    assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(admin + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private String ok(String method, String path) throws Exception {
    HttpResponse<String> r = call(method, path);
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return r.body().strip();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbc, "root", "");
  }

  @Test
  void failNextStatementsThenTheLogAndTheNodeTableAsJson() throws Exception {
    assertThat(ok("GET", "/health")).contains("\"running\":true");
    assertThat(ok("POST", "/fail?count=1&code=1105&state=HY000&message=boom&match=compute%20node"))
        .isEqualTo("{\"ok\":true}");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      SQLException e =
          catchThrowableOfType(
              SQLException.class, () -> s.execute("ALTER SYSTEM ADD COMPUTE NODE 'a.ns:9050'"));
      assertThat(e.getErrorCode()).isEqualTo(1105);
      assertThat(e.getMessage()).isEqualTo("boom");
      s.execute("ALTER SYSTEM ADD COMPUTE NODE 'a.ns:9050'");
    }
    assertThat(ok("POST", "/heartbeat")).isEqualTo("{\"ok\":true}");
    assertThat(ok("GET", "/nodes"))
        .startsWith("[{\"id\":")
        .contains("\"host\":\"a.ns\",\"heartbeatPort\":9050,\"alive\":true");
    assertThat(ok("GET", "/statements"))
        .contains(
            "\"sql\":\"ALTER SYSTEM ADD COMPUTE NODE 'a.ns:9050'\",\"outcome\":\"ERROR\","
                + "\"errorCode\":1105")
        .contains("\"sql\":\"ALTER SYSTEM ADD COMPUTE NODE 'a.ns:9050'\",\"outcome\":\"OK\"");
    ok("DELETE", "/statements");
    assertThat(ok("GET", "/statements")).isEqualTo("[]");
  }

  @Test
  void latencyRefusedLoginsDroppedConnectionsAndRestart() throws Exception {
    ok("POST", "/latency?ms=300");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      s.execute("SELECT 1");
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
      ok("POST", "/latency?ms=0");
      ok("POST", "/drop-connections");
      await().atMost(Duration.ofSeconds(10)).until(() -> !c.isValid(1));
    }
    ok("POST", "/refuse-logins?enabled=true");
    SQLException denied = catchThrowableOfType(SQLException.class, this::connect);
    assertThat(denied.getErrorCode()).isEqualTo(1045);
    ok("POST", "/refuse-logins?enabled=false");
    try (Connection c = connect()) {
      c.createStatement().execute("ALTER SYSTEM ADD COMPUTE NODE 'kept.ns:9050'");
      ok("POST", "/restart");
      await().atMost(Duration.ofSeconds(10)).until(() -> !c.isValid(1));
    }
    try (Connection c = connect()) {
      assertThat(c.isValid(2)).isTrue();
    }
    assertThat(ok("GET", "/nodes")).contains("\"host\":\"kept.ns\"");
  }

  @Test
  void badRequestsNameTheParameter() throws Exception {
    HttpResponse<String> missing = call("POST", "/fail");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("parameter count is required");
    HttpResponse<String> regex = call("POST", "/fail?count=1&match=%28");
    assertThat(regex.statusCode()).isEqualTo(400);
    assertThat(regex.body()).contains("parameter match is not a regular expression");
    HttpResponse<String> flag = call("POST", "/refuse-logins?enabled=yes");
    assertThat(flag.body()).contains("parameter enabled must be true or false, was 'yes'");
    HttpResponse<String> unknown = call("GET", "/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no such endpoint: GET /nope");
  }
}
