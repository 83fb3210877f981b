package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code mariadb}/{@code mysql} command-line client in batch mode against the fake FE, as
 * the operator's CN entrypoint script uses it. Skipped only when neither binary is installed
 * ({@code apt-get install mariadb-client}).
 */
class MariadbCliTest {
  private static String cli;
  private FakeFrontend fe;

  record Result(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void findClient() {
    cli = findOnPath("mariadb");
    if (cli == null) {
      cli = findOnPath("mysql");
    }
    assumeTrue(
        cli != null,
        "neither 'mariadb' nor 'mysql' is on the PATH: install Debian's mariadb-client to run the"
            + " MySQL CLI interop test");
  }

  @BeforeEach
  void start() {
    fe =
        FakeFrontend.builder()
            .user("ops", "s3cret", true)
            .heartbeatInterval(Duration.ofHours(1))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  @Test
  void selectOneInBatchMode() throws Exception {
    Result r = run("root", null, "SELECT 1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("1\n1\n");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void addShowDropAsTheOperatorEntrypointDoes() throws Exception {
    Result add =
        run(
            "ops",
            "s3cret",
            "ALTER SYSTEM ADD COMPUTE NODE 'cn-0.cn-search.ns.svc.cluster.local:9050'");
    assertThat(add.exitCode()).isZero();
    assertThat(add.stdout()).isEmpty();
    Result show = run("ops", "s3cret", "--skip-column-names", "SHOW COMPUTE NODES");
    assertThat(show.exitCode()).isZero();
    String[] fields = show.stdout().split("\n", -1)[0].split("\t", -1);
    assertThat(fields).hasSize(21);
    assertThat(fields[1]).isEqualTo("cn-0.cn-search.ns.svc.cluster.local");
    assertThat(fields[2]).isEqualTo("9050");
    assertThat(fields[6]).isEqualTo("NULL"); // LastStartTime never seen
    assertThat(fields[8]).isEqualTo("false");
    assertThat(fields[20]).isEqualTo("CONNECTING");
    assertThat(
            run(
                    "ops",
                    "s3cret",
                    "ALTER SYSTEM DROP COMPUTE NODE 'cn-0.cn-search.ns.svc.cluster.local:9050'")
                .exitCode())
        .isZero();
    assertThat(fe.computeNodes()).isEmpty();
  }

  @Test
  void errorsPrintCodeStateAndMessageAndExitWithOne() throws Exception {
    fe.addComputeNode("a", 9050);
    Result r = run("root", null, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .endsWith(
            "ERROR 1064 (HY000) at line 1: Compute node already exists with same host a and port 9050\n");
    Result denied = run("root", "wrong", "SELECT 1");
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr())
        .isEqualTo("ERROR 1045 (28000): Access denied for user 'root' (using password: YES)\n");
  }

  @Test
  void multipleStatementsUseAndVersionComment() throws Exception {
    Result r =
        run(
            "root",
            null,
            "--skip-column-names",
            "select @@version_comment limit 1; USE information_schema; SELECT DATABASE();"
                + " SELECT CONNECTION_ID()");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).matches("StarRocks version 3.3.5\ninformation_schema\n[1-9][0-9]*\n");
  }

  @Test
  void interactiveSessionThroughAPseudoTerminal() throws Exception {
    String script = findOnPath("script");
    assumeTrue(script != null, "util-linux 'script' is not installed: cannot give the CLI a tty");
    String command =
        cli
            + " --protocol=TCP -h 127.0.0.1 -P "
            + fe.port()
            + " -u root --skip-ssl -D information_schema";
    Process p =
        new ProcessBuilder(script, "-qc", command, "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().write("SHOW COMPUTE NODES;\nquit\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    CompletableFuture<String> out = read(p.getInputStream());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out.get())
        .contains("Server version: 8.0.33 StarRocks version 3.3.5")
        .contains("MySQL [information_schema]>")
        .contains("Empty set");
    assertThat(fe.statements())
        .extracting(StatementRecord::sql)
        .contains(
            "show databases",
            "show tables",
            "select @@version_comment limit 1",
            "SHOW COMPUTE NODES");
  }

  private Result run(String user, String password, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                cli,
                "--protocol=TCP",
                "-h",
                "127.0.0.1",
                "-P",
                Integer.toString(fe.port()),
                "-u",
                user,
                "--skip-ssl",
                "--connect-timeout=5",
                "--batch"));
    if (password != null) {
      cmd.add("-p" + password);
    }
    for (int i = 0; i < args.length - 1; i++) {
      cmd.add(args[i]);
    }
    cmd.add("-e");
    cmd.add(args[args.length - 1]);
    Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", cli).isTrue();
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.isFile() && f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    return null;
  }
}
