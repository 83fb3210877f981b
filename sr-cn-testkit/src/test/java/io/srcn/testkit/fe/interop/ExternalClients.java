package io.srcn.testkit.fe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Finds and runs the real MySQL clients the interop tests drive. Thread-safe (stateless). */
final class ExternalClients {
  /** Where {@code .ci/run} installs node's mysql2 (override with SRCN_NPM_PREFIX). */
  static final Path NPM_PREFIX =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "SRCN_NPM_PREFIX", System.getProperty("user.home") + "/.cache/sr-cn-sdk/npm"));

  record Result(int exitCode, String stdout, String stderr) {}

  private ExternalClients() {}

  /** An executable on the PATH, or null. */
  static String onPath(String... names) {
    String path = System.getenv("PATH");
    for (String name : names) {
      for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.isFile() && f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return null;
  }

  /** A python3 that can import pymysql (Debian's python3-pymysql lives in /usr/bin/python3). */
  static String pythonWithPyMySql() {
    for (String candidate : new String[] {"/usr/bin/python3", onPath("python3")}) {
      if (candidate == null || !new File(candidate).canExecute()) {
        continue;
      }
      try {
        Result r = run(List.of(candidate, "-c", "import pymysql"), null, Map.of());
        if (r.exitCode() == 0) {
          return candidate;
        }
      } catch (Exception e) {
        // try the next one
      }
    }
    return null;
  }

  /** True when node and the mysql2 package are installed. */
  static boolean nodeWithMysql2() {
    return onPath("node") != null
        && Files.isRegularFile(NPM_PREFIX.resolve("node_modules/mysql2/package.json"));
  }

  /** Runs a command with {@code stdin} (or /dev/null) and waits up to 60 s. */
  static Result run(List<String> command, String stdin, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    if (stdin == null) {
      pb.redirectInput(new File("/dev/null"));
    }
    Process p = pb.start();
    if (stdin != null) {
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("%s finished", command.get(0)).isTrue();
    return new Result(p.exitValue(), out.join(), err.join());
  }

  /** Runs a Python script with PyMySQL; the FE port is in the environment as FE_PORT. */
  static Result python(String python, int port, String script) throws Exception {
    return run(List.of(python, "-"), script, Map.of("FE_PORT", Integer.toString(port)));
  }

  /** Runs a node script with mysql2 on NODE_PATH; the FE port is in FE_PORT. */
  static Result node(int port, String script) throws Exception {
    return run(
        List.of(onPath("node"), "-"),
        script,
        Map.of(
            "FE_PORT",
            Integer.toString(port),
            "NODE_PATH",
            NPM_PREFIX.resolve("node_modules").toString()));
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
