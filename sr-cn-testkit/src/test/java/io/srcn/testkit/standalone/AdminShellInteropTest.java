package io.srcn.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's shell example of the admin API, run by bash with curl and the mariadb CLI against
 * {@code fe --admin-port 0}: what a non-Java platform does. Skipped when bash, curl or the CLI is
 * missing.
 */
class AdminShellInteropTest {
  private static final Pattern READY =
      Pattern.compile("READY fe=127\\.0\\.0\\.1:(\\d+) admin=http://127\\.0\\.0\\.1:(\\d+)\n");

  private static String onPath(String... names) {
    for (String name : names) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.isFile() && f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return null;
  }

  @Test
  void failLatencyNodesAndStatementsFromAShell() throws Exception {
    String bash = onPath("bash");
    String curl = onPath("curl");
    String cli = onPath("mariadb", "mysql");
    assumeTrue(bash != null && curl != null && cli != null, "needs bash, curl and mariadb-client");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new String[] {"fe", "--admin-port", "0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    stop));
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> READY.matcher(out.toString(StandardCharsets.UTF_8)).matches());
      Matcher m = READY.matcher(out.toString(StandardCharsets.UTF_8));
      assertThat(m.matches()).isTrue();
      String script =
          "set -u\n"
              + "A=http://127.0.0.1:$ADMIN\n"
              + "q() { \"$CLI\" -h127.0.0.1 -P$FE -uroot --skip-ssl --batch -N -e \"$1\" </dev/null 2>&1; }\n"
              + "curl -sf -X POST \"$A/fail?count=1&code=1105&message=boom&match=COMPUTE%20NODE\"\n"
              + "q \"ALTER SYSTEM ADD COMPUTE NODE 'cn-0.cn.ns:9050'\"\n"
              + "q \"ALTER SYSTEM ADD COMPUTE NODE 'cn-0.cn.ns:9050'\" && echo added\n"
              + "curl -sf -X POST \"$A/heartbeat\" >/dev/null\n"
              + "curl -sf \"$A/nodes\" | grep -o '\"host\":\"cn-0.cn.ns\",\"heartbeatPort\":9050,"
              + "\"alive\":true'\n"
              + "curl -sf \"$A/statements\" | grep -o '\"errorCode\":1105'\n"
              + "curl -s -o /dev/null -w '%{http_code}\\n' -X POST \"$A/latency?ms=-1\"\n";
      ProcessBuilder pb = new ProcessBuilder(List.of(bash, "-c", script));
      pb.environment().put("FE", m.group(1));
      pb.environment().put("ADMIN", m.group(2));
      pb.environment().put("CLI", cli);
      pb.redirectErrorStream(true);
      Process p = pb.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String shell = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(shell.lines())
          .as(shell)
          .containsSubsequence(
              "{\"ok\":true}",
              "ERROR 1105 (HY000) at line 1: boom",
              "added",
              "\"host\":\"cn-0.cn.ns\",\"heartbeatPort\":9050,\"alive\":true",
              "\"errorCode\":1105",
              "400");
    } finally {
      stop.countDown();
      assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
    }
  }
}
