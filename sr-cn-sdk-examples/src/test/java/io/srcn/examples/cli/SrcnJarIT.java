package io.srcn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/srcn.jar}, run as a separate process as a user runs it: the shaded jar
 * must find its main class, fabric8's JDK HTTP client and the JDBC driver (service files), and stop
 * cleanly on SIGTERM. Runs in the {@code package} phase, after the jar is built (see the module's
 * pom), against the testkit's sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SrcnJarIT {
  private static final Path JAR = Path.of("target", "srcn.jar");
  private static final String PASSWORD = "jar-secret";

  private Sandbox sandbox;

  /** One finished process. */
  private record Exit(int status, String out, String err) {
    String all() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    assertThat(JAR).as("built by the package phase").isRegularFile();
    sandbox = Sandbox.start(tmp, "--password", PASSWORD, "--namespaces", "jar-ctl");
  }

  @AfterAll
  void stop() throws InterruptedException {
    sandbox.close();
  }

  private Process launch(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("SRCN_FE_PASSWORD");
    pb.environment().putAll(env);
    return pb.start();
  }

  private Exit run(Map<String, String> env, String... args) throws Exception {
    Process p = launch(env, args);
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("srcn %s finished", List.of(args)).isTrue();
    return new Exit(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  @Test
  void rendersAndReportsBadUsageWithStatus2() throws Exception {
    Exit render = run(Map.of(), "render", "-f", "specs/analytics.yaml");
    assertThat(render.status()).as(render.all()).isZero();
    assertThat(render.out()).contains("kind: HorizontalPodAutoscaler\n");

    Exit bad = run(Map.of(), "render", "-f", "no-such-file.yaml");
    assertThat(bad.status()).as(bad.all()).isEqualTo(2);
    assertThat(bad.err()).contains("-f: cannot read");
  }

  @Test
  void theControllerStopsCleanlyOnSigterm() throws Exception {
    Process p =
        launch(
            Map.of("SRCN_FE_PASSWORD", PASSWORD),
            "controller",
            "-n",
            "jar-ctl",
            "--kubeconfig",
            sandbox.kubeconfig.toString());
    StringBuffer out = new StringBuffer();
    CompletableFuture<Void> copy =
        CompletableFuture.runAsync(
            () -> {
              try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[256];
                for (int n; (n = in.read(buf)) >= 0; ) {
                  out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> out.indexOf("controller started") >= 0);
      // SIGTERM through the handle: Process.destroy() would also close our end of its pipes
      p.toHandle().destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      copy.get(10, TimeUnit.SECONDS);
      String err = read(p.getErrorStream()).get(10, TimeUnit.SECONDS);
      assertThat(out.toString()).as("stderr: %s", err).contains("controller stopped");
    } finally {
      p.destroyForcibly();
    }
  }

  /** The README's run command: {@code java -jar srcn.jar}, no arguments, the demo pace. */
  @Test
  void withoutArgumentsTheJarRunsTheQuickStartAndExits0() throws Exception {
    Exit quick = run(Map.of());

    assertThat(quick.status()).as(quick.all()).isZero();
    assertThat(quick.out())
        .contains("embedded testkit, in this process", "one pod per 2 s")
        .contains("scaled out: 4 pods Ready, registered and Alive")
        .contains("scaled in: the 3 removed pods were dropped from the FE")
        .contains("6/6 final status", "done: the FE lists none of the group's nodes");
  }
}
