package io.srcn.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher run in-process: READY line, options, usage errors and exit statuses. */
class MainTest {
  private static final Pattern READY = Pattern.compile("READY fe=127\\.0\\.0\\.1:(\\d+)\n");

  record Run(
      CompletableFuture<Integer> status,
      ByteArrayOutputStream out,
      ByteArrayOutputStream err,
      CountDownLatch stop) {
    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private static Run launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    stop));
    return new Run(status, out, err, stop);
  }

  private static int exitStatus(String... args) throws Exception {
    Run r = launch(args);
    r.stop.countDown();
    return r.status.get(10, TimeUnit.SECONDS);
  }

  @Test
  void feCommandPrintsOneReadyLineServesAndStopsCleanly() throws Exception {
    Run run = launch("fe", "--user", "ops", "--password", "pw", "--version", "2.4", "--mode", "ip");
    await().atMost(Duration.ofSeconds(10)).until(() -> READY.matcher(run.stdout()).matches());
    Matcher m = READY.matcher(run.stdout());
    assertThat(m.matches()).isTrue();
    int port = Integer.parseInt(m.group(1));
    try (Connection c =
            DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "ops", "pw");
        Statement s = c.createStatement()) {
      s.execute("ALTER SYSTEM ADD COMPUTE NODE 'localhost:9050'");
      try (ResultSet rs = s.executeQuery("SHOW COMPUTE NODES")) {
        assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("Cluster"); // 2.4 profile
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("IP")).isEqualTo("127.0.0.1"); // IP mode resolved it
      }
    }
    run.stop.countDown();
    assertThat(run.status.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.stdout()).isEqualTo(m.group());
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void aMultiWarehouseFeCreatesWarehouses() throws Exception {
    Run run = launch("fe", "--version", "3.5", "--shared-data", "--multi-warehouse");
    await().atMost(Duration.ofSeconds(10)).until(() -> READY.matcher(run.stdout()).matches());
    Matcher m = READY.matcher(run.stdout());
    assertThat(m.matches()).isTrue();
    try (Connection c =
            DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + m.group(1) + "/", "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE WAREHOUSE wh_etl");
      s.execute("ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050' INTO WAREHOUSE wh_etl");
      try (ResultSet rs = s.executeQuery("SHOW COMPUTE NODES")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("WarehouseName")).isEqualTo("wh_etl");
      }
    }
    run.stop.countDown();
    assertThat(run.status.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void fixedPortAndRootPassword() throws Exception {
    Run first = launch("fe");
    await().atMost(Duration.ofSeconds(10)).until(() -> READY.matcher(first.stdout()).matches());
    Matcher m = READY.matcher(first.stdout());
    assertThat(m.matches()).isTrue();
    String port = m.group(1);
    first.stop.countDown();
    assertThat(first.status.get(10, TimeUnit.SECONDS)).isZero();
    Run second = launch("fe", "--port", port, "--password", "pw");
    await().atMost(Duration.ofSeconds(10)).until(() -> !second.stdout().isEmpty());
    assertThat(second.stdout()).isEqualTo("READY fe=127.0.0.1:" + port + "\n");
    try (Connection c =
        DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "pw")) {
      assertThat(c.isValid(2)).isTrue();
    }
    second.stop.countDown();
    assertThat(second.status.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhy() throws Exception {
    assertUsage(new String[] {}, "usage: java -jar");
    assertUsage(new String[] {"nope"}, "error: unknown command 'nope'");
    assertUsage(
        new String[] {"fe", "--port", "70000"},
        "error: option --port must be an integer in 0..65535, was '70000'");
    assertUsage(new String[] {"fe", "--port"}, "error: option --port needs a value");
    assertUsage(new String[] {"fe", "--version", "9.9"}, "error: option --version must be");
    assertUsage(new String[] {"fe", "--mode", "dns"}, "error: option --mode must be fqdn or ip");
    assertUsage(new String[] {"fe", "--colour"}, "error: unknown option --colour");
    assertUsage(new String[] {"fe", "--user", "u"}, "error: option --user needs --password");
    assertUsage(new String[] {"fe", "extra"}, "error: unexpected argument 'extra'");
    assertUsage(
        new String[] {"fe", "--shared-data", "--shared-data"},
        "error: option --shared-data given twice");
    assertUsage(
        new String[] {"fe", "--version", "2.4", "--shared-data"},
        "error: option --shared-data needs --version 3.0 or later");
    assertUsage(
        new String[] {"fe", "--version", "3.3", "--shared-data", "--multi-warehouse"},
        "error: option --multi-warehouse needs --shared-data and --version 3.4 or later, was 3.3");
    assertUsage(
        new String[] {"fe", "--version", "3.4", "--multi-warehouse"},
        "error: option --multi-warehouse needs --shared-data and --version 3.4 or later, was 3.4"
            + " without --shared-data");
    assertUsage(
        new String[] {"fe", "--port", "9030", "--admin-port", "9030"},
        "error: options --port and --admin-port must differ, both were 9030");
    assertUsage(
        new String[] {"sandbox", "--port", "9030", "--k8s-port", "9030"},
        "error: option --k8s-port must differ from --port and --admin-port, was 9030");
    assertUsage(new String[] {"fe", "--admin-port", "x"}, "error: option --admin-port must be");
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    for (String command : new String[] {"fe", "k8s", "sandbox"}) {
      for (String flag : new String[] {"--help", "-h"}) {
        Run r = launch(command, "--port", "1", flag);
        assertThat(r.status.get(10, TimeUnit.SECONDS)).as(command + " " + flag).isZero();
        assertThat(r.stdout()).startsWith("usage: " + command + " [");
        assertThat(r.stderr()).isEmpty();
      }
    }
    Run fe = launch("fe", "--help");
    assertThat(fe.status.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(fe.stdout()).contains("--admin-port N", "POST /fail?count=N", "GET /nodes");
  }

  private static void assertUsage(String[] args, String message) throws Exception {
    Run r = launch(args);
    r.stop.countDown();
    assertThat(r.status.get(10, TimeUnit.SECONDS)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(r.stderr()).startsWith(message);
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void helpGoesToStdoutWithStatusZero() throws Exception {
    Run r = launch("--help");
    assertThat(r.status.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(r.stdout()).contains("fe [--port N]").contains("--shared-data");
  }

  @Test
  void portInUseExitsWithOne() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run r = launch("fe", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(r.status.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(r.stderr()).startsWith("error: fe failed to start:");
      assertThat(r.stdout()).isEmpty();
    }
    assertThat(exitStatus("fe")).isZero();
  }
}
