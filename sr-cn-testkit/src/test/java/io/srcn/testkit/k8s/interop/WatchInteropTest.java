package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 1: watches over plain chunked HTTP, as client-go (kubectl), the Python client and
 * every non-fabric8 client use them, with {@code resourceVersion}, {@code timeoutSeconds},
 * bookmarks and 410 Gone (behaviour checked in k8s.io/apiserver pkg/endpoints/handlers/watch.go,
 * pkg/storage/cacher/cacher.go, watch_cache.go and cache_watcher.go).
 */
class WatchInteropTest extends MockServerInterop {

  private ConfigMap configMap(String name) {
    return k8s.client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
  }

  @Test
  void pythonWatchSeesEventsAndTheServerEndsItAtTimeoutSeconds() throws Exception {
    configMap("before");
    String script =
        String.join(
            "\n",
            "for e in watch.Watch().stream(v1.list_namespaced_config_map, 'default',"
                + " timeout_seconds=4):",
            "    out(e['type'], e['object'].metadata.name)",
            "out('END')");
    try (Clients.Running py = Clients.start(Clients.python(kubeconfig, script))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> py.output().contains("ADDED before"));
      configMap("during");
      k8s.client().configMaps().inNamespace("default").withName("before").delete();
      assertThat(py.awaitExit(30)).as(py.output()).isZero();
      assertThat(py.output())
          .containsSubsequence("ADDED before", "ADDED during", "DELETED before", "END");
    }
  }

  @Test
  void pythonWatchFromACompactedResourceVersionGets410Expired() throws Exception {
    String old = configMap("a").getMetadata().getResourceVersion();
    configMap("b");
    k8s.compactResourceVersions();
    String script =
        String.join(
            "\n",
            "try:",
            "    for e in watch.Watch().stream(v1.list_namespaced_config_map, 'default',"
                + " resource_version='"
                + old
                + "', timeout_seconds=5):",
            "        out(e['type'])",
            "except ApiException as x:",
            "    out('STATUS', x.status, x.reason)");
    Clients.Result r = Clients.run(Clients.python(kubeconfig, script));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("STATUS 410 Expired: too old resource version: " + old);
  }

  @Test
  void pythonWatchGetsABookmarkBeforeTheTimeout() throws Exception {
    configMap("a");
    String script =
        String.join(
            "\n",
            "for e in watch.Watch().stream(v1.list_namespaced_config_map, 'default',"
                + " allow_watch_bookmarks=True, timeout_seconds=3):",
            "    out(e['type'], e['raw_object']['metadata'].get('resourceVersion'))");
    Clients.Result r = Clients.run(Clients.python(kubeconfig, script));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).containsSubsequence("ADDED", "BOOKMARK");
  }

  @Test
  void kubectlGetWatchStreamsChanges() throws Exception {
    configMap("first");
    try (Clients.Running kubectl =
        Clients.start(Clients.kubectl(kubeconfig, "get", "configmaps", "--watch", "-o", "name"))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kubectl.output().contains("configmap/first"));
      configMap("second");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kubectl.output().contains("configmap/second"));
    }
  }

  @Test
  void legacyWatchPathStreamsAndTheServerEndsIt() throws Exception {
    configMap("legacy");
    Clients.Result r =
        Clients.run(
            Clients.kubectl(
                kubeconfig,
                "get",
                "--raw",
                "/api/v1/watch/namespaces/default/configmaps?timeoutSeconds=2"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("\"type\":\"ADDED\"").contains("\"name\":\"legacy\"");
  }

  @Test
  void httpWatchIsChunkedJsonWithOneEventPerLine() throws Exception {
    configMap("x");
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            k8s.url()
                                + "/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(response.body().split("\n"))
        .singleElement()
        .asString()
        .startsWith("{\"type\":\"ADDED\",\"object\":{");
  }

  @Test
  void badTimeoutSecondsIsA400BeforeAnyStream() throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            k8s.url()
                                + "/api/v1/namespaces/default/configmaps?watch=true"
                                + "&timeoutSeconds=soon"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("timeoutSeconds");
  }

  @Test
  void fabric8InformerRelistsAfterCompactionAndExpiredWatchesAndConverges() {
    configMap("a");
    KubernetesClient client = k8s.client();
    SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("default").inform();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> informer.getStore().list().size() == 1);
      long listsBefore = k8s.requests().count("list", "configmaps");
      configMap("b");
      await().atMost(Duration.ofSeconds(20)).until(() -> informer.getStore().list().size() == 2);
      // a write the informer does not see, then a compaction: its last version is now too old
      client
          .secrets()
          .inNamespace("default")
          .resource(
              new io.fabric8.kubernetes.api.model.SecretBuilder()
                  .withNewMetadata()
                  .withName("bump")
                  .endMetadata()
                  .build())
          .create();
      k8s.compactResourceVersions();
      k8s.expireWatches();
      configMap("c");
      configMap("d");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(informer.getStore().listKeys())
                      .containsExactlyInAnyOrder(
                          "default/a", "default/b", "default/c", "default/d"));
      assertThat(k8s.requests().count("list", "configmaps")).isGreaterThan(listsBefore);
    } finally {
      informer.close();
    }
  }
}
