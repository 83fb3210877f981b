package io.srcn.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The testkit's standalone launcher ({@code io.srcn.testkit.standalone.Main sandbox}: mock API
 * server, pod simulation and fake FE, bridged) in a separate JVM, started with this JVM's {@code
 * java} and class path; the benchmark reads its READY line (FE address, kubeconfig, admin URL) and
 * counts through its admin API. The launcher's stderr goes to {@code sandbox.log} in its directory.
 *
 * <p>Not thread-safe except {@link #get}, which may be called from any thread.
 */
final class SandboxProcess implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("READY fe=(\\S+) kubeconfig=(\\S+) admin=(\\S+)");

  private final Process process;
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  final String fe;
  final Path kubeconfig;
  final String admin;

  private SandboxProcess(Process process, Path dir, String fe, Path kubeconfig, String admin) {
    this.process = process;
    this.dir = dir;
    this.fe = fe;
    this.kubeconfig = kubeconfig;
    this.admin = admin;
  }

  /**
   * Starts a sandbox with namespace {@code namespace} and waits (up to 2 minutes) for its READY
   * line. {@code maxHeap} is the launcher's {@code -Xmx}; the system property {@code
   * srcn.bench.sandboxJvmArgs} adds JVM options (space-separated, e.g. a flight recording).
   *
   * @throws IllegalStateException when it exits or stays silent
   */
  static SandboxProcess start(String namespace, String maxHeap, int statementLog)
      throws IOException {
    Path dir = Files.createTempDirectory("srcn-sandbox-");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + maxHeap);
    String extra = System.getProperty("srcn.bench.sandboxJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      cmd.addAll(Arrays.asList(extra.split("\\s+")));
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.srcn.testkit.standalone.Main",
            "sandbox",
            "--namespaces",
            namespace,
            "--admin-port",
            "0",
            "--statement-log",
            String.valueOf(statementLog),
            "--kubeconfig",
            dir.resolve("kubeconfig").toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(dir.resolve("sandbox.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  if (l.startsWith("READY ")) {
                    return l;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String ready;
    try {
      ready = line.get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      ready = null;
    }
    Matcher m = ready == null ? null : READY.matcher(ready);
    if (m == null || !m.find()) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "the sandbox launcher did not print its READY line; see " + dir.resolve("sandbox.log"));
    }
    return new SandboxProcess(p, dir, m.group(1), Path.of(m.group(2)), m.group(3));
  }

  /** The launcher's process id (for its CPU time). */
  long pid() {
    return process.pid();
  }

  /**
   * The launcher's CPU time so far (user + system, from the OS), or 0 when the OS does not say: the
   * testkit's share of the two cores while the controller runs.
   */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** A number from a JSON answer of the admin API, e.g. {@code get("/counts", "nodes")}. */
  long get(String path, String field) {
    String body = send("GET", path);
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(\\d+)").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + path + ": " + body);
    }
    return Long.parseLong(m.group(1));
  }

  /** The raw JSON answer of {@code GET path}. */
  String json(String path) {
    return send("GET", path);
  }

  /** {@code DELETE path}. */
  void delete(String path) {
    send("DELETE", path);
  }

  private String send(String method, String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + path))
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofMinutes(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  /** Stops the launcher (SIGTERM, then kill after 20 s) and removes its directory. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Path log = dir.resolve("sandbox.log");
    if (Files.exists(log)) {
      List<String> warnings =
          Files.readAllLines(log).stream()
              .filter(l -> l.contains("WARN") || l.contains("ERROR"))
              .toList();
      if (!warnings.isEmpty()) {
        System.out.println("   sandbox log: " + warnings.size() + " WARN/ERROR lines, first:");
        warnings.stream().limit(5).forEach(w -> System.out.println("     " + w));
      }
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().endsWith(".jfr")) {
          Files.deleteIfExists(f);
        }
      }
    }
    Files.deleteIfExists(dir);
  }
}
