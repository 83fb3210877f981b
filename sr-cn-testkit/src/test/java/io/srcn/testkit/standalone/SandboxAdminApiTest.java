package io.srcn.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sandbox} command's counting endpoints, which let a benchmark in another process count
 * what a controller cost without listing the cluster: {@code /k8s/requests}, {@code /k8s/pods} and
 * {@code /counts}.
 */
class SandboxAdminApiTest {
  private static final Pattern READY =
      Pattern.compile(
          "READY fe=127\\.0\\.0\\.1:(\\d+) kubeconfig=(\\S+) admin=(http://127\\.0\\.0\\.1:\\d+)\n");

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CountDownLatch stop = new CountDownLatch(1);
  private CompletableFuture<Integer> status;
  private String fePort;
  private Path kubeconfig;
  private String admin;

  @BeforeEach
  void launch() {
    String[] args = {
      "sandbox",
      "--admin-port",
      "0",
      "--namespaces",
      "bench",
      "--statement-log",
      "5",
      "--kubeconfig",
      dir.resolve("kubeconfig").toString()
    };
    status =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    stop));
    await().atMost(Duration.ofSeconds(20)).until(() -> READY.matcher(stdout()).matches());
    Matcher m = READY.matcher(stdout());
    assertThat(m.matches()).isTrue();
    fePort = m.group(1);
    kubeconfig = Path.of(m.group(2));
    admin = m.group(3);
  }

  @AfterEach
  void stopLauncher() throws Exception {
    stop.countDown();
    assertThat(status.get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void countsClientRequestsAndReadyPodsWithoutRecordingItsOwnReads() throws Exception {
    call("DELETE", "/k8s/requests");
    try (KubernetesClient kube = client()) {
      kube.configMaps()
          .inNamespace("bench")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .create();
      kube.configMaps().inNamespace("bench").withName("c").get();
      assertThat(call("GET", "/k8s/requests"))
          .isEqualTo(
              "{\"count\":2,\"byVerb\":{\"create\":1,\"get\":1},\"simulator\":0,"
                  + "\"byVerbResource\":{\"create configmaps\":1,\"get configmaps\":1}}\n");
      assertThat(call("GET", "/k8s/pods?namespace=bench")).isEqualTo("{\"pods\":0,\"ready\":0}\n");

      kube.apps()
          .statefulSets()
          .inNamespace("bench")
          .resource(
              new StatefulSetBuilder()
                  .withNewMetadata()
                  .withName("s")
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(2)
                  .withServiceName("s")
                  .withNewSelector()
                  .withMatchLabels(Map.of("app", "s"))
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .withLabels(Map.of("app", "s"))
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("c")
                  .withImage("i")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build())
          .create();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> call("GET", "/k8s/pods?namespace=bench").equals("{\"pods\":2,\"ready\":2}\n"));
      assertThat(call("GET", "/k8s/pods")).isEqualTo("{\"pods\":2,\"ready\":2}\n");
      assertThat(call("GET", "/k8s/requests")).startsWith("{\"count\":3,");
      call("DELETE", "/k8s/requests");
      assertThat(call("GET", "/k8s/requests")).startsWith("{\"count\":0,");
    }
  }

  @Test
  void countsNodesAndStatementsUpToTheLogsCapacity() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + fePort + "/", "root", "");
        var s = c.createStatement()) {
      call("DELETE", "/statements");
      s.execute("ALTER SYSTEM ADD COMPUTE NODE \"a.example:9050\", \"b.example:9050\"");
      assertThat(call("GET", "/counts")).matches("\\{\"nodes\":2,\"statements\":[1-4]}\n");
      for (int i = 0; i < 10; i++) {
        s.execute("SELECT 1");
      }
      assertThat(call("GET", "/counts")).isEqualTo("{\"nodes\":2,\"statements\":5}\n");
    }
  }

  private KubernetesClient client() throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String call(String method, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(admin + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }
}
