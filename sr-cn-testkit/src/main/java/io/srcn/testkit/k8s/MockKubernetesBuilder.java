package io.srcn.testkit.k8s;

import io.srcn.testkit.k8s.internal.ApiResources;
import io.srcn.testkit.k8s.internal.runtime.MockServerRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link MockKubernetes} ({@link MockKubernetes#builder()}). Every setting is optional.
 *
 * <p>Not thread-safe.
 */
public final class MockKubernetesBuilder {
  private final Settings s = new Settings();

  MockKubernetesBuilder() {}

  /**
   * The port to bind on 127.0.0.1; 0 (default) picks a free one.
   *
   * @throws IllegalArgumentException when outside 0..65535
   */
  public MockKubernetesBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    s.port = port;
    return this;
  }

  /**
   * The cluster domain of pod FQDNs (default {@code cluster.local}).
   *
   * @throws IllegalArgumentException when blank
   */
  public MockKubernetesBuilder clusterDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("clusterDomain must not be blank");
    }
    s.clusterDomain = domain;
    return this;
  }

  /**
   * The autoscaling API versions to serve, preferred first: default {@code "v2", "v1"}; {@code
   * "v2beta2", "v1"} simulates an old cluster without v2.
   *
   * @throws IllegalArgumentException when empty or a version is unknown
   */
  public MockKubernetesBuilder autoscalingVersions(String... versions) {
    if (versions.length == 0) {
      throw new IllegalArgumentException("autoscalingVersions needs at least one version");
    }
    for (String v : versions) {
      if (!ApiResources.KNOWN_AUTOSCALING.contains(v)) {
        throw new IllegalArgumentException(
            "unknown autoscaling version "
                + v
                + ", expected one of "
                + ApiResources.KNOWN_AUTOSCALING);
      }
    }
    s.autoscalingVersions = List.of(versions);
    return this;
  }

  /** Time from pod creation to Ready (default 20 ms). */
  public MockKubernetesBuilder podReadyDelay(Duration delay) {
    s.readyDelay = nonNegative(delay, "podReadyDelay");
    return this;
  }

  /** Time a terminating pod stays before it disappears (default 20 ms). */
  public MockKubernetesBuilder podTerminationDelay(Duration delay) {
    s.terminationDelay = nonNegative(delay, "podTerminationDelay");
    return this;
  }

  /**
   * Whether the HPA simulator runs on a manual clock advanced by {@code hpa().tick(...)} (default
   * true) or syncs in real time every 15 s (change with {@code hpa().realTime(period)}).
   */
  public MockKubernetesBuilder manualClock(boolean manual) {
    s.manualClock = manual;
    return this;
  }

  /**
   * Whether creating in a namespace that does not exist is a 404, as on a real server (default
   * true). {@code default}, {@code kube-system}, {@code kube-public} and {@code kube-node-lease}
   * always exist; add others with {@link #namespaces(String...)} or create them through the API.
   * False is the opt-out for tests written against the lenient mock of earlier versions: objects
   * may then be created in any namespace.
   */
  public MockKubernetesBuilder requireNamespaces(boolean require) {
    s.requireNamespaces = require;
    return this;
  }

  /**
   * Namespaces that exist from the start, besides the four built-in ones (replaces earlier calls).
   *
   * @throws IllegalArgumentException when a name is not a DNS-1123 label
   */
  public MockKubernetesBuilder namespaces(String... names) {
    for (String n : Objects.requireNonNull(names, "names")) {
      if (n == null || n.length() > 63 || !n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        throw new IllegalArgumentException(
            "namespaces: '" + n + "' is not a valid namespace name (a DNS-1123 label)");
      }
    }
    s.namespaces = List.of(names);
    return this;
  }

  /** The server (not started). */
  public MockKubernetes build() {
    return new MockKubernetes(s.toRuntimeSettings());
  }

  private static Duration nonNegative(Duration d, String what) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be a non-negative duration, got " + d);
    }
    return d;
  }

  /** Settings captured by the builder. */
  private static final class Settings {
    int port;
    String clusterDomain = "cluster.local";
    List<String> autoscalingVersions = ApiResources.DEFAULT_AUTOSCALING;
    Duration readyDelay = Duration.ofMillis(20);
    Duration terminationDelay = Duration.ofMillis(20);
    boolean manualClock = true;
    boolean requireNamespaces = true;
    List<String> namespaces = List.of();

    MockServerRuntime.Settings toRuntimeSettings() {
      return new MockServerRuntime.Settings(
          port,
          clusterDomain,
          autoscalingVersions,
          readyDelay,
          terminationDelay,
          manualClock,
          requireNamespaces,
          namespaces);
    }
  }
}
