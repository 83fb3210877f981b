package io.srcn.it.campaign.regressions;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.StatementRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A testkit cluster and a Kubernetes client that reaches its API server through a {@link
 * FreezableRelay}: a controller built on {@link #behindRelay} keeps deciding on caches that stand
 * still while the relay is frozen, and keeps reaching the (never frozen) FE. Closing thaws the
 * relay and closes the client, the relay and the cluster, in that order.
 *
 * <p>Not thread-safe; one per test.
 */
final class LaggingControllerFixture implements AutoCloseable {
  final Cluster c;
  final FreezableRelay relay;
  final KubernetesClient behindRelay;

  private LaggingControllerFixture(Cluster c) {
    this.c = c;
    this.relay = new FreezableRelay(c.k8s.port());
    this.behindRelay = relay.client(c.k8s.config());
  }

  /** Starts a cluster and the relay to its API server. */
  static LaggingControllerFixture start() {
    return new LaggingControllerFixture(Cluster.start());
  }

  /** Starts a cluster whose FE stores hosts as {@code mode} says, and the relay. */
  static LaggingControllerFixture start(FeMode mode) {
    return new LaggingControllerFixture(Cluster.start(mode));
  }

  /**
   * The SQL of the statements the FE received after {@code t} that start with {@code prefix}
   * (case-insensitively, e.g. {@code "ALTER SYSTEM DROP"}) and name {@code fragment}.
   */
  List<String> statementsSince(Instant t, String prefix, String fragment) {
    String upperPrefix = prefix.toUpperCase(Locale.ROOT);
    return c.fe.statements().stream()
        .filter(s -> s.time().isAfter(t))
        .map(StatementRecord::sql)
        .filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(upperPrefix))
        .filter(s -> s.contains(fragment))
        .toList();
  }

  @Override
  public void close() {
    relay.thaw();
    behindRelay.close();
    relay.close();
    c.close();
  }
}
