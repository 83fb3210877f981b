package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.FrontendClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link FeCluster}s of a process (a handle, or a controller and its handles), one per FE
 * cluster: groups registered with the same FE share its client, snapshot and breaker. A cluster is
 * keyed by the {@link Frontend} value and, for Secret credentials, the namespace the Secret is read
 * from.
 *
 * <p>Thread-safe.
 */
final class FrontendPool implements AutoCloseable {
  /**
   * The longest one FE call retries across the FE addresses: long enough to ride out an FE leader
   * change, short enough that a lone handle does not hang; the breaker then fails fast. A Frontend
   * with a short connect timeout gets a proportionally shorter deadline (twice the timeout).
   */
  static final Duration MAX_RETRY_DEADLINE = Duration.ofSeconds(10);

  private record Key(Frontend frontend, String namespace) {}

  private final CredentialsResolver resolver;
  private final Map<Key, FeCluster> clusters = new ConcurrentHashMap<>();

  FrontendPool(CredentialsResolver resolver) {
    this.resolver = resolver;
  }

  /** The FE cluster a group in {@code namespace} registers with. */
  FeCluster cluster(Frontend frontend, String namespace) {
    Key key = new Key(frontend, frontend.credentials().isLiteral() ? "" : namespace);
    return clusters.computeIfAbsent(
        key,
        k ->
            new FeCluster(
                FrontendClient.builder(frontend)
                    .credentialsResolver(resolver, namespace)
                    .retryDeadline(retryDeadline(frontend))
                    .build(),
                System::nanoTime));
  }

  private static Duration retryDeadline(Frontend frontend) {
    Duration twice = frontend.connectTimeout().multipliedBy(2);
    return twice.compareTo(MAX_RETRY_DEADLINE) < 0 ? twice : MAX_RETRY_DEADLINE;
  }

  /** Forgets every cluster's snapshot, so the next pass on each lists it once again. */
  void invalidateAll() {
    clusters.values().forEach(FeCluster::invalidate);
  }

  /** How many times every cluster together was listed. */
  long listings() {
    return clusters.values().stream().mapToLong(FeCluster::listings).sum();
  }

  @Override
  public void close() {
    clusters.values().forEach(FeCluster::close);
    clusters.clear();
  }
}
