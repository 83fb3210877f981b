package io.srcn.it.support;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A fake FE and a mock Kubernetes, bridged (the FE's heartbeats reach exactly the Ready pods), for
 * the SDK's integration tests; plus helpers to read what the FE saw.
 */
public final class Cluster implements AutoCloseable {
  public static final String NS = "starrocks";
  public final MockKubernetes k8s;
  public final FakeFrontend fe;

  private Cluster(MockKubernetes k8s, FakeFrontend fe) {
    this.k8s = k8s;
    this.fe = fe;
  }

  /** A started pair; the FE heartbeats every 50 ms. */
  public static Cluster start(FakeFrontend.Builder feBuilder) {
    MockKubernetes k8s = MockKubernetes.builder().build().start();
    FakeFrontend fe =
        feBuilder
            .heartbeatInterval(Duration.ofMillis(50))
            .reachability(k8s.reachability())
            .resolver(k8s.dnsResolver())
            .build()
            .start();
    return new Cluster(k8s, fe);
  }

  public static Cluster start() {
    return start(FakeFrontend.builder());
  }

  /**
   * A group in {@link #NS} registered with the fake FE, with a short grace period and a short FE
   * connect timeout (so simulated outages are detected in about a second).
   */
  public ComputeNodeGroupSpec spec(String name) {
    return ComputeNodeGroups.create(name)
        .inNamespace(NS)
        .image("starrocks/cn-ubuntu:3.3.5")
        .terminationGracePeriod(Duration.ofSeconds(5))
        .registerWith(fe.frontend().connectTimeout(Duration.ofMillis(500)));
  }

  /** The pod DNS name and heartbeat port of ordinal {@code i}, as registered. */
  public static String fqdn(String group, int i) {
    return group + "-cn-" + i + "." + group + "-cn-search." + NS + ".svc.cluster.local:9050";
  }

  /** Every address the FE lists, sorted. */
  public List<String> feAddresses() {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }

  /** The ALTER SYSTEM statements the FE received, in order. */
  public List<String> alters() {
    return fe.statements().stream()
        .map(StatementRecord::sql)
        .filter(s -> s.toUpperCase(Locale.ROOT).startsWith("ALTER SYSTEM"))
        .toList();
  }

  /** The DROP statements the FE received. */
  public List<String> drops() {
    return alters().stream().filter(s -> s.toUpperCase(Locale.ROOT).contains(" DROP ")).toList();
  }

  /** Sets the StatefulSet's replicas as the HPA or kubectl would, through {@code /scale}. */
  public void scaleStatefulSet(String group, int replicas) {
    k8s.client().apps().statefulSets().inNamespace(NS).withName(group + "-cn").scale(replicas);
  }

  @Override
  public void close() {
    fe.close();
    k8s.close();
  }
}
