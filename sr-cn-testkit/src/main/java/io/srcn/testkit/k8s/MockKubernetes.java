package io.srcn.testkit.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.srcn.testkit.TestServer;
import io.srcn.testkit.k8s.internal.KubeconfigYaml;
import io.srcn.testkit.k8s.internal.SharedSerialization;
import io.srcn.testkit.k8s.internal.runtime.MockServerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Kubernetes API server for tests that behaves: fabric8's CRUD mock server hardened with
 * server-side apply, RFC 7386 merge patch, strategic merge, set-based selectors, ownerReference
 * garbage collection, dry runs, {@code /status} and {@code /scale}, API discovery (kubectl works
 * against it), plus a StatefulSet controller, a kubelet and an HPA controller that simulate the
 * cluster. Binds {@code 127.0.0.1} only.
 *
 * <pre>{@code
 * try (MockKubernetes k8s = MockKubernetes.create().start()) {
 *   KubernetesClient client = k8s.client();
 *   ...
 * }
 * }</pre>
 *
 * <p>In the {@link TestServer} lifecycle the mock is not {@linkplain #restartable() restartable}:
 * {@link #stop()} is final (it closes the shared client, every watch and the simulators), and
 * {@link #start()} afterwards throws; build a new one instead.
 *
 * <p>Thread-safe.
 */
public final class MockKubernetes implements TestServer {
  private static final java.util.Set<String> FAULT_VERBS =
      java.util.Set.of(
          "get",
          "list",
          "watch",
          "create",
          "update",
          "patch",
          "delete",
          "deletecollection",
          "write",
          "*");
  private final MockServerRuntime.Settings settings;
  private volatile MockServerRuntime runtime;
  private volatile boolean stopped;

  MockKubernetes(MockServerRuntime.Settings settings) {
    this.settings = settings;
  }

  /**
   * A builder with defaults: port 0, {@code cluster.local}, autoscaling v2 and v1, 20 ms delays.
   */
  public static MockKubernetesBuilder builder() {
    return new MockKubernetesBuilder();
  }

  /** A server with the default settings (not started). */
  public static MockKubernetes create() {
    return builder().build();
  }

  /**
   * Starts the server on 127.0.0.1 (port 0 unless the builder chose one) and its simulators;
   * idempotent.
   *
   * @throws IllegalStateException when already stopped
   */
  @Override
  public MockKubernetes start() {
    synchronized (this) {
      if (stopped) {
        throw new IllegalStateException("MockKubernetes was stopped; create a new one");
      }
      if (runtime == null) {
        runtime = MockServerRuntime.start(settings);
      }
    }
    return this;
  }

  /** Stops the server, its simulators and the shared client for good; idempotent. */
  @Override
  public void stop() {
    MockServerRuntime r;
    synchronized (this) {
      stopped = true;
      r = runtime;
    }
    if (r != null) {
      r.close();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** True between {@link #start()} and {@link #stop()}. */
  @Override
  public synchronized boolean isRunning() {
    return runtime != null && !stopped;
  }

  /** False: {@link #stop()} is final and {@link #start()} afterwards throws. */
  @Override
  public boolean restartable() {
    return false;
  }

  /**
   * A client shared by everyone using this server (closed by {@link #stop()}): JDK HTTP client,
   * namespace {@code default}, no retries on 5xx so injected faults surface. Clients of every mock
   * server share one {@code KubernetesSerialization}, so Jackson's per-type setup (about a second
   * for a StatefulSet on a cold mapper) is paid once per JVM rather than once per client.
   */
  public KubernetesClient client() {
    return running().sharedClient(this::newClient);
  }

  /** A new client the caller must close. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder()
        .withConfig(config())
        .withHttpClientFactory(new JdkHttpClientFactory())
        .withKubernetesSerialization(SharedSerialization.get())
        .build();
  }

  /** The client configuration for this server. */
  public Config config() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace("default")
        .withRequestRetryBackoffLimit(0)
        .withHttp2Disable(true)
        .withTrustCerts(true)
        .build();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The port the server listens on. */
  public int port() {
    return running().port();
  }

  /** A kubeconfig for kubectl and other clients (context {@code srcn-mock}, namespace default). */
  public String kubeconfigYaml() {
    return KubeconfigYaml.of(url());
  }

  /**
   * Writes {@link #kubeconfigYaml()} to the file (creating parent directories) and returns it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public Path writeKubeconfig(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, kubeconfigYaml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig to " + file, e);
    }
  }

  /** The StatefulSet controller and kubelet simulator. */
  public StatefulSetSimulator statefulSets() {
    return running().statefulSets();
  }

  /** The HorizontalPodAutoscaler simulator (manual clock unless the builder chose real time). */
  public HpaSimulator hpa() {
    return running().hpa();
  }

  /**
   * The FE bridge: true iff a Ready, non-terminating pod has that address, either its FQDN {@code
   * <pod>.<subdomain>.<ns>.svc.<clusterDomain>} or its pod IP (a {@code :port} suffix is ignored).
   */
  public Predicate<String> reachability() {
    MockServerRuntime r = running();
    return r.bridge()::reachable;
  }

  /** Pod FQDN to pod IP, for pods that have an IP. */
  public Function<String, Optional<String>> dnsResolver() {
    MockServerRuntime r = running();
    return r.bridge()::resolve;
  }

  /**
   * How many pods the namespace holds (every namespace when null) and how many of them are Ready
   * and not terminating, read in-process from the store (no request, nothing recorded); for
   * launchers and benchmarks that wait for a large setup without listing it over HTTP.
   */
  public PodCount podCount(String namespace) {
    long[] c = running().bridge().podCounts(namespace);
    return new PodCount(c[0], c[1]);
  }

  /**
   * Pods in a namespace and how many of them are Ready.
   *
   * @param pods every pod, terminating ones included
   * @param ready Ready and not terminating
   */
  public record PodCount(long pods, long ready) {}

  /** The cluster domain used for pod FQDNs. */
  public String clusterDomain() {
    return settings.clusterDomain();
  }

  /** The request log and counters (simulator traffic excluded). */
  public RequestLog requests() {
    return running().requests();
  }

  /**
   * Fails the next {@code n} client requests matching {@code verb} and {@code resource} with {@code
   * code} (a Kubernetes Status body). {@code verb}: a Kubernetes verb, {@code "write"} for any
   * create/update/patch/delete, or {@code "*"}; {@code resource}: a plural such as {@code
   * statefulsets}, with a subresource ({@code statefulsets/status}), or {@code "*"}.
   *
   * @throws IllegalArgumentException when n &lt; 1, the code is not 4xx/5xx or the verb is unknown
   */
  public void failNextRequests(int n, int code, String verb, String resource) {
    if (n < 1 || code < 400 || code > 599) {
      throw new IllegalArgumentException(
          "failNextRequests needs n >= 1 and a 4xx/5xx code, got n=" + n + " code=" + code);
    }
    if (!FAULT_VERBS.contains(Objects.requireNonNull(verb, "verb"))) {
      throw new IllegalArgumentException(
          "failNextRequests: unknown verb '" + verb + "', expected one of " + FAULT_VERBS);
    }
    running()
        .faults()
        .add(
            n,
            code,
            Objects.requireNonNull(verb, "verb"),
            Objects.requireNonNull(resource, "resource"));
  }

  /**
   * Compacts the watch history, as etcd compaction does: a watch resuming from any resourceVersion
   * older than the current one gets an ERROR event with a 410 {@code Expired} Status ("too old
   * resource version"), so informers must relist. Watches already open are not affected.
   */
  public void compactResourceVersions() {
    running().dispatcher().compactWatchHistory();
  }

  /**
   * Ends every open watch, as an API server does when watch timeouts expire or it restarts; clients
   * re-watch from their last resourceVersion.
   */
  public void expireWatches() {
    running().dispatcher().expireWatches();
  }

  /**
   * From now on, a {@code SelfSubjectAccessReview} of {@code verb} on {@code resource} in API
   * {@code group} answers {@code allowed: false} (every review is allowed by default; requests
   * themselves are never refused). {@code group}: {@code ""} for the core API, e.g. {@code "apps"};
   * {@code resource}: a plural, with a subresource ({@code statefulsets/scale}), or {@code "*"};
   * {@code verb}: a Kubernetes verb or {@code "*"}.
   */
  public void denyAccess(String verb, String group, String resource) {
    running()
        .dispatcher()
        .accessReviews()
        .deny(
            Objects.requireNonNull(verb, "verb"),
            Objects.requireNonNull(group, "group"),
            Objects.requireNonNull(resource, "resource"));
  }

  /** Every {@code SelfSubjectAccessReview} is allowed again. */
  public void allowAllAccess() {
    running().dispatcher().accessReviews().allowAll();
  }

  /** Forgets injected faults that have not fired yet. */
  public void clearFaults() {
    running().faults().clear();
  }

  private MockServerRuntime running() {
    MockServerRuntime r = runtime;
    if (r == null || stopped) {
      throw new IllegalStateException(
          stopped ? "MockKubernetes was stopped" : "MockKubernetes is not started: call start()");
    }
    return r;
  }

  @Override
  public String toString() {
    MockServerRuntime r = runtime;
    return "MockKubernetes[" + (r == null ? (stopped ? "stopped" : "not started") : url()) + "]";
  }
}
