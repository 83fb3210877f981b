package io.srcn.sdk.internal.events;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server in CRUD mode with expectations first (for fault injection), on
 * 127.0.0.1 and a free port, plus a client that does not retry (so an injected error is seen once).
 * One per test.
 */
final class CrudApiServer implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  CrudApiServer() throws Exception {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init(InetAddress.getByName("127.0.0.1"), 0);
    client = clientFor("http://127.0.0.1:" + server.getPort());
  }

  /** A non-retrying client for an API server at {@code url}. */
  static KubernetesClient clientFor(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withNamespace("test")
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .withConnectionTimeout(2_000)
            .withRequestTimeout(5_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  KubernetesMockServer server() {
    return server;
  }

  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
