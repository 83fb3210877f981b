package io.srcn.testkit.junit;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.MockKubernetesBuilder;
import io.srcn.testkit.k8s.RequestLog;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers of one test (or class), started on first use and bridged once both exist. Stored in
 * JUnit's extension store, which closes it (JUnit 5.13+ closes {@link AutoCloseable} values; older
 * versions use {@link ExtensionContext.Store.CloseableResource}).
 *
 * <p>Thread-safe.
 */
@SuppressWarnings("deprecation")
final class Fixture implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final Config config;
  private FakeFrontend frontend;
  private MockKubernetes kubernetes;
  private boolean closed;

  Fixture(Config config) {
    this.config = config;
  }

  synchronized FakeFrontend frontend() {
    checkOpen();
    if (frontend == null) {
      FakeFrontendBuilder b = FakeFrontend.builder();
      config.frontend().accept(b);
      frontend = b.build().start();
      bridge();
    }
    return frontend;
  }

  synchronized MockKubernetes kubernetes() {
    checkOpen();
    if (kubernetes == null) {
      MockKubernetesBuilder b = MockKubernetes.builder();
      config.kubernetes().accept(b);
      kubernetes = b.build().start();
      bridge();
    }
    return kubernetes;
  }

  private void bridge() {
    if (config.bridged() && frontend != null && kubernetes != null) {
      frontend.setReachability(kubernetes.reachability());
      frontend.setResolver(kubernetes.dnsResolver());
    }
  }

  synchronized Optional<String> requestSummary() {
    if (kubernetes == null) {
      return Optional.empty();
    }
    RequestLog log = kubernetes.requests();
    String entries =
        log.entries().stream()
            .skip(Math.max(0, log.entries().size() - 50))
            .map(
                e ->
                    e.verb()
                        + " "
                        + e.resource()
                        + (e.namespace() == null ? "" : " ns=" + e.namespace())
                        + (e.name() == null ? "" : " name=" + e.name())
                        + " -> "
                        + e.code())
            .collect(Collectors.joining("\n"));
    return Optional.of(log.count() + " requests " + log.countsByVerb() + " (last 50):\n" + entries);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the testkit fixture was already closed");
    }
  }

  @Override
  public void close() {
    FakeFrontend fe;
    MockKubernetes k8s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      fe = frontend;
      k8s = kubernetes;
    }
    try {
      if (k8s != null) {
        k8s.close();
      }
    } finally {
      if (fe != null) {
        fe.close();
      }
    }
  }
}
