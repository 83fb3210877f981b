package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real clients (kubectl; the official Python client, Debian {@code python3-kubernetes}) as
 * processes against a mock API server through a kubeconfig. Tests skip themselves only when a
 * client is absent.
 */
final class Clients {
  private static final Optional<String> KUBECTL = onPath("kubectl");
  private static final Optional<String> PYTHON = pythonWithKubernetes();

  private Clients() {}

  static String kubectl() {
    Assumptions.assumeTrue(KUBECTL.isPresent(), "kubectl is not installed: skipping");
    return KUBECTL.get();
  }

  static String python() {
    Assumptions.assumeTrue(
        PYTHON.isPresent(), "python3 with the kubernetes client is not installed: skipping");
    return PYTHON.get();
  }

  /** A finished process: exit code and combined output. */
  record Result(int exit, String output) {}

  /** A running process whose output is collected as it comes. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Thread reader;

    Running(Process process) {
      this.process = process;
      this.reader =
          new Thread(
              () -> {
                byte[] buf = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                  int n;
                  while ((n = in.read(buf)) > 0) {
                    synchronized (out) {
                      out.write(buf, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // process gone
                }
              },
              "client-output");
      reader.setDaemon(true);
      reader.start();
    }

    String output() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    /** Waits for the process to exit on its own (at most {@code seconds}); its exit code. */
    int awaitExit(int seconds) throws InterruptedException {
      assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
          .as("process still running; output so far:%n%s", output())
          .isTrue();
      reader.join(5000);
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  static Running start(List<String> command) throws IOException {
    return new Running(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  static Result run(List<String> command) throws IOException, InterruptedException {
    try (Running r = start(command)) {
      int exit = r.awaitExit(60);
      return new Result(exit, r.output());
    }
  }

  /** kubectl with the kubeconfig, a private cache dir and a request timeout. */
  static List<String> kubectl(Path kubeconfig, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(kubectl());
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.add("--cache-dir=" + kubeconfig.resolveSibling("kubectl-cache"));
    cmd.add("--request-timeout=20s");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * A Python script run with the kubeconfig loaded: {@code v1} (CoreV1Api), {@code api} (the
   * ApiClient), {@code client}, {@code watch} and {@code ApiException} are in scope.
   */
  static List<String> python(Path kubeconfig, String script) throws IOException {
    String prelude =
        String.join(
            "\n",
            "import sys, json",
            "from kubernetes import client, config, watch",
            "from kubernetes.client.rest import ApiException",
            "config.load_kube_config(config_file=" + quote(kubeconfig.toString()) + ")",
            "api = client.ApiClient()",
            "v1 = client.CoreV1Api(api)",
            "def out(*a):",
            "    print(*a, flush=True)",
            "");
    Path file = Files.createTempFile(kubeconfig.getParent(), "client", ".py");
    Files.writeString(file, prelude + script + "\n");
    return List.of(python(), file.toString());
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Optional<String> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.canExecute()) {
        return Optional.of(f.getAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Debian installs the client for /usr/bin/python3, which may not be the python3 on PATH. */
  private static Optional<String> pythonWithKubernetes() {
    List<String> candidates = new ArrayList<>();
    candidates.add("/usr/bin/python3");
    onPath("python3").ifPresent(candidates::add);
    for (String p : candidates) {
      try {
        Process proc =
            new ProcessBuilder(p, "-c", "import kubernetes").redirectErrorStream(true).start();
        proc.getInputStream().readAllBytes();
        if (proc.waitFor(30, TimeUnit.SECONDS) && proc.exitValue() == 0) {
          return Optional.of(p);
        }
      } catch (IOException e) {
        // not this one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
