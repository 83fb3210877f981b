package io.srcn.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code sr-cn-testkit-<version>-standalone.jar} as a separate process, as a
 * shell user would. Lives here because this module builds after the testkit's {@code package}
 * phase; skipped when the jar has not been built (e.g. {@code -pl sr-cn-sdk-examples} alone).
 */
class StandaloneJarTest {
  private static final Pattern READY = Pattern.compile("READY fe=127\\.0\\.0\\.1:(\\d+)");
  private static Path jar;

  @BeforeAll
  static void findJar() throws IOException {
    Path target = Path.of("..", "sr-cn-testkit", "target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        jar =
            files
                .filter(
                    p -> p.getFileName().toString().matches("sr-cn-testkit-.*-standalone\\.jar"))
                .findFirst()
                .orElse(null);
      }
    }
    assumeTrue(
        jar != null,
        "sr-cn-testkit/target/sr-cn-testkit-*-standalone.jar not built: run"
            + " 'mvn package' on the whole project to test the launcher jar");
  }

  private static Process launch(String... args) throws IOException {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).start();
  }

  @Test
  void feCommandPrintsReadyServesAndStopsOnSigterm() throws Exception {
    Process p = launch("fe", "--port", "0", "--version", "3.4", "--shared-data");
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
    StringBuffer stdout = new StringBuffer();
    Thread reader = new Thread(() -> copy(p, stdout));
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> stdout.indexOf("\n") >= 0);
      String line = stdout.substring(0, stdout.indexOf("\n"));
      Matcher m = READY.matcher(line);
      assertThat(m.matches()).as("first stdout line: %s", line).isTrue();
      String url = "jdbc:mysql://127.0.0.1:" + m.group(1) + "/";
      try (Connection c = DriverManager.getConnection(url, "root", "");
          Statement s = c.createStatement()) {
        s.execute("ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050' INTO WAREHOUSE default_warehouse");
        try (ResultSet rs = s.executeQuery("SHOW COMPUTE NODES")) {
          assertThat(rs.getMetaData().getColumnCount()).isEqualTo(25);
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("WarehouseName")).isEqualTo("default_warehouse");
        }
      }
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      reader.join(10_000);
      assertThat(stdout.toString()).as("exactly one line").isEqualTo(line + "\n");
      assertThat(err.get(10, TimeUnit.SECONDS)).doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  private static void copy(Process p, StringBuffer into) {
    try (InputStreamReader in = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buf = new char[256];
      for (int n; (n = in.read(buf)) >= 0; ) {
        into.append(buf, 0, n);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  @Test
  void badUsageExitsWithTwo() throws Exception {
    Process p = launch("fe", "--mode", "dns");
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.get(10, TimeUnit.SECONDS)).startsWith("error: option --mode must be fqdn or ip");
  }

  private static String readAll(Process p, boolean stderr) {
    try {
      return new String(
          (stderr ? p.getErrorStream() : p.getInputStream()).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
