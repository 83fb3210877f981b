package io.srcn.examples.bench;

import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupEventListener;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The testkit pair the engine benchmarks run on: a mock Kubernetes (pods Ready 20 ms after
 * creation, manual HPA clock so nothing scales unless told) and a fake FE whose heartbeats reach
 * exactly the Ready pods; plus the groups' specs and a controller with the default settings.
 *
 * <p>Not thread-safe; one benchmark at a time.
 */
final class BenchCluster implements AutoCloseable {
  static final String NS = "bench";
  final MockKubernetes k8s;
  final FakeFrontend fe;
  private final ComputeNodeClient session;

  BenchCluster() {
    k8s = MockKubernetes.builder().namespaces(NS).build().start();
    fe =
        FakeFrontend.builder()
            .reachability(k8s.reachability())
            .resolver(k8s.dnsResolver())
            .statementLogCapacity(1_000_000)
            .build()
            .start();
    session = ComputeNodeClient.create(k8s.client());
  }

  /**
   * A group whose replicas the HPA owns (between 1 and {@code max}); the benchmark plays the HPA by
   * writing {@code /scale}, which the controller does not revert.
   */
  ComputeNodeGroupSpec autoscaled(String name, int max) {
    return base(name).autoscale(Autoscaling.between(1, max).onCpu(60));
  }

  /** A group with fixed replicas. */
  ComputeNodeGroupSpec fixed(String name, int replicas) {
    return base(name).replicas(replicas);
  }

  private ComputeNodeGroupSpec base(String name) {
    return ComputeNodeGroups.create(name)
        .inNamespace(NS)
        .image("starrocks/cn-ubuntu:3.3.5")
        .registerWith(fe.frontend());
  }

  /** Applies a group's objects only (no registration pass): the controller does the rest. */
  void apply(ComputeNodeGroupSpec spec) {
    session.apply(spec);
  }

  /**
   * The controller's batch window: its default (100 ms, with group commit) unless the system
   * property {@code srcn.bench.batchWindowMillis} says otherwise.
   */
  static Duration batchWindow() {
    return Duration.ofMillis(Long.getLong("srcn.bench.batchWindowMillis", 100));
  }

  /** A started controller on the namespace with the given resync period (default workers). */
  ComputeNodeController controller(Duration resync) {
    return controller(resync, batchWindow());
  }

  /** A started controller with the given resync period and batch window (default workers). */
  ComputeNodeController controller(Duration resync, Duration batchWindow) {
    return controller(resync, batchWindow, e -> {});
  }

  /** A started controller whose events {@code listener} hears from the first one on. */
  ComputeNodeController controller(
      Duration resync, Duration batchWindow, GroupEventListener listener) {
    ComputeNodeController controller =
        ComputeNodeController.builder(k8s.client())
            .namespace(NS)
            .resyncPeriod(resync)
            .batchWindow(batchWindow)
            .credentialsResolver((credentials, ns) -> fe.frontend().credentials())
            .build();
    controller.addListener(listener);
    return controller.start();
  }

  /** Writes a StatefulSet's replicas through {@code /scale}, as the HPA does. */
  void scale(String group, int replicas) {
    k8s.client().apps().statefulSets().inNamespace(NS).withName(group + "-cn").scale(replicas);
  }

  /** How many nodes the FE lists. */
  int registered() {
    return fe.computeNodes().size();
  }

  /** The FE's node of pod {@code i} of {@code group}. */
  FakeComputeNode node(String group, int i) {
    return fe.computeNode(fqdn(group, i), 9050).orElseThrow();
  }

  static String fqdn(String group, int i) {
    return group + "-cn-" + i + "." + group + "-cn-search." + NS + ".svc.cluster.local";
  }

  /** ALTER SYSTEM ADD statements the FE received since its log was cleared. */
  long adds() {
    return count("ALTER SYSTEM ADD COMPUTE NODE");
  }

  /** SHOW COMPUTE NODES statements since the log was cleared. */
  long shows() {
    return count("SHOW COMPUTE NODES");
  }

  long count(String prefix) {
    List<StatementRecord> log = fe.statements();
    return log.stream().filter(s -> s.sql().toUpperCase(Locale.ROOT).startsWith(prefix)).count();
  }

  /**
   * Polls {@code condition} every 5 ms until it holds.
   *
   * @throws IllegalStateException when it does not hold within {@code timeout}
   */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    session.close();
    fe.close();
    k8s.close();
  }
}
