package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.testkit.standalone.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone {@code k8s} and {@code sandbox} commands driven by the real kubectl (skipped
 * without it).
 */
class KubectlInteropTest {
  private static final String STS =
      String.join(
          "\n",
          "apiVersion: apps/v1",
          "kind: StatefulSet",
          "metadata:",
          "  name: web",
          "spec:",
          "  replicas: 2",
          "  serviceName: web-search",
          "  podManagementPolicy: Parallel",
          "  selector:",
          "    matchLabels: {app: web}",
          "  template:",
          "    metadata:",
          "      labels: {app: web}",
          "    spec:",
          "      containers:",
          "      - name: cn",
          "        image: starrocks/cn-ubuntu:3.3.5",
          "");

  @TempDir Path dir;

  private record Launched(
      CompletableFuture<Integer> status, ByteArrayOutputStream out, CountDownLatch stop) {
    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static Launched launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(
            () -> Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), err, stop));
    return new Launched(status, out, stop);
  }

  private static Optional<String> kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "kubectl");
      if (f.canExecute()) {
        return Optional.of(f.getAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private String run(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                kubectl().orElseThrow(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                dir.resolve("kubectl-cache").toString(),
                "--request-timeout",
                "20s"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s:%n%s", String.join(" ", args), output).isZero();
    return output;
  }

  @Test
  void kubectlAppliesGetsScalesAndDeletesAgainstTheK8sCommand() throws Exception {
    Assumptions.assumeTrue(
        kubectl().isPresent(), "kubectl is not installed: skipping the kubectl interop test");
    Path kubeconfig = dir.resolve("kube/config.yaml");
    Files.writeString(dir.resolve("sts.yaml"), STS);
    Launched k8s = launch("k8s", "--kubeconfig", kubeconfig.toString());
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> k8s.stdout().contains("\n"));
      assertThat(k8s.stdout()).isEqualTo("READY kubeconfig=" + kubeconfig.toAbsolutePath() + "\n");

      assertThat(
              run(kubeconfig, "apply", "--server-side", "-f", dir.resolve("sts.yaml").toString()))
          .contains("statefulset.apps/web serverside-applied");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          run(
                              kubeconfig,
                              "get",
                              "statefulset",
                              "web",
                              "-o",
                              "jsonpath={.status.readyReplicas}"))
                      .isEqualTo("2"));
      assertThat(run(kubeconfig, "get", "pods", "-o", "name")).contains("pod/web-0", "pod/web-1");
      assertThat(run(kubeconfig, "get", "pods")).containsPattern("web-0\\s+1/1\\s+Running\\s+0");
      assertThat(run(kubeconfig, "get", "statefulsets")).containsPattern("web\\s+2/2");
      assertThat(run(kubeconfig, "scale", "sts", "web", "--replicas=3")).contains("scaled");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          run(
                              kubeconfig,
                              "get",
                              "sts",
                              "web",
                              "-o",
                              "jsonpath={.status.readyReplicas}"))
                      .isEqualTo("3"));
      assertThat(run(kubeconfig, "delete", "statefulset", "web")).contains("deleted");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(run(kubeconfig, "get", "pods", "-o", "name"))
                      .doesNotContain("pod/web"));
    } finally {
      k8s.stop().countDown();
    }
    assertThat(k8s.status().get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void sandboxBridgesTheFeToThePods() throws Exception {
    Assumptions.assumeTrue(
        kubectl().isPresent(), "kubectl is not installed: skipping the sandbox interop test");
    Path kubeconfig = dir.resolve("sandbox.yaml");
    Files.writeString(dir.resolve("sts.yaml"), STS);
    Launched sandbox = launch("sandbox", "--kubeconfig", kubeconfig.toString(), "--version", "3.3");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stdout().contains("\n"));
      Matcher m =
          Pattern.compile("READY fe=127\\.0\\.0\\.1:(\\d+) kubeconfig=(.+)\n")
              .matcher(sandbox.stdout());
      assertThat(m.matches()).as(sandbox.stdout()).isTrue();
      assertThat(m.group(2)).isEqualTo(kubeconfig.toAbsolutePath().toString());
      run(kubeconfig, "apply", "--server-side", "-f", dir.resolve("sts.yaml").toString());
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:mysql://127.0.0.1:" + m.group(1) + "/", "root", "");
          Statement s = c.createStatement()) {
        s.execute(
            "ALTER SYSTEM ADD COMPUTE NODE \"web-0.web-search.default.svc.cluster.local:9050\"");
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> alive(s, "web-0.web-search.default.svc.cluster.local"));
      }
    } finally {
      sandbox.stop().countDown();
    }
    assertThat(sandbox.status().get(30, TimeUnit.SECONDS)).isZero();
  }

  private static boolean alive(Statement s, String host) throws Exception {
    try (ResultSet rs = s.executeQuery("SHOW COMPUTE NODES")) {
      while (rs.next()) {
        if (host.equals(rs.getString("IP"))) {
          return "true".equalsIgnoreCase(rs.getString("Alive"));
        }
      }
    }
    return false;
  }
}
