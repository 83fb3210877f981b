package io.srcn.testkit.k8s.internal.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.srcn.testkit.k8s.HpaSimulator;
import io.srcn.testkit.k8s.RequestLog;
import io.srcn.testkit.k8s.StatefulSetSimulator;
import io.srcn.testkit.k8s.internal.ApiDispatcher;
import io.srcn.testkit.k8s.internal.ApiHttpServer;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.ApiResources;
import io.srcn.testkit.k8s.internal.Bridge;
import io.srcn.testkit.k8s.internal.FaultInjector;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ServerOptions;
import io.srcn.testkit.k8s.internal.hpa.HpaSimulation;
import io.srcn.testkit.k8s.internal.sim.StatefulSetSimulation;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A started mock API server with its simulators, executor and shared client.
 *
 * <p>Thread-safe.
 */
public final class MockServerRuntime implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /**
   * fabric8's MockWebServer logs every request at INFO through java.util.logging; that costs more
   * than serving the request. Held strongly so the level sticks; affects only that logger.
   */
  private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG = quietMockWebServerLog();

  /** What to start. */
  public record Settings(
      int port,
      String clusterDomain,
      List<String> autoscalingVersions,
      Duration readyDelay,
      Duration terminationDelay,
      boolean manualClock,
      boolean requireNamespaces,
      List<String> namespaces) {}

  private final KubernetesMockServer server;
  private final ApiDispatcher dispatcher;
  private final ScheduledThreadPoolExecutor executor;
  private final StatefulSetSimulation statefulSets;
  private final Bridge bridge;
  private final HpaSimulation hpa;
  private KubernetesClient sharedClient;
  private boolean closed;

  private MockServerRuntime(Settings s) {
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "srcn-mock-k8s-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.dispatcher =
        new ApiDispatcher(
            new ApiResources(s.autoscalingVersions()),
            new ServerOptions(s.requireNamespaces()),
            executor);
    this.statefulSets =
        new StatefulSetSimulation(dispatcher, executor, s.readyDelay(), s.terminationDelay());
    this.bridge = new Bridge(dispatcher, s.clusterDomain());
    this.hpa = new HpaSimulation(dispatcher, executor, s.manualClock());
    createNamespaces(dispatcher, s.namespaces());
    this.server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new ApiHttpServer(dispatcher),
            new HashMap<>(),
            dispatcher,
            false);
  }

  /**
   * The namespaces a v1.32 API server creates at start: kube-system, kube-public, kube-node-lease
   * and default (pkg/controlplane/controller/systemnamespaces in kubernetes/kubernetes), and the
   * ones the builder names.
   */
  private static void createNamespaces(ApiDispatcher dispatcher, List<String> extra) {
    ApiResource namespaces = dispatcher.resources().find("", "v1", "namespaces").orElseThrow();
    InternalClient client = new InternalClient(dispatcher);
    java.util.Set<String> names =
        new java.util.TreeSet<>(
            List.of("default", "kube-node-lease", "kube-public", "kube-system"));
    names.addAll(extra);
    for (String name : names) {
      tools.jackson.databind.node.ObjectNode ns = Json.object();
      ns.put("apiVersion", "v1");
      ns.put("kind", "Namespace");
      ns.putObject("metadata").put("name", name);
      client.create(namespaces, null, ns);
    }
  }

  private static java.util.logging.Logger quietMockWebServerLog() {
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger(MockWebServer.class.getName());
    if (log.getLevel() == null) {
      log.setLevel(java.util.logging.Level.WARNING);
    }
    return log;
  }

  /** Starts a server on 127.0.0.1. */
  public static MockServerRuntime start(Settings settings) {
    MockServerRuntime r = new MockServerRuntime(settings);
    try {
      r.server.init(InetAddress.getLoopbackAddress(), settings.port());
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  public int port() {
    return server.getPort();
  }

  public StatefulSetSimulator statefulSets() {
    return statefulSets;
  }

  public HpaSimulator hpa() {
    return hpa;
  }

  public Bridge bridge() {
    return bridge;
  }

  public RequestLog requests() {
    return dispatcher.recorder();
  }

  public FaultInjector faults() {
    return dispatcher.faults();
  }

  /** The dispatcher (for in-process tools such as the benchmark). */
  public ApiDispatcher dispatcher() {
    return dispatcher;
  }

  /** The shared client, created on first use. */
  public synchronized KubernetesClient sharedClient(Supplier<KubernetesClient> factory) {
    if (closed) {
      throw new IllegalStateException("MockKubernetes was stopped");
    }
    if (sharedClient == null) {
      sharedClient = factory.get();
    }
    return sharedClient;
  }

  @Override
  public void close() {
    KubernetesClient client;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      client = sharedClient;
    }
    if (client != null) {
      client.close();
    }
    executor.shutdownNow();
    dispatcher.closeWatches();
    try {
      server.destroy();
    } catch (RuntimeException e) {
      // already stopped or never started
    }
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
