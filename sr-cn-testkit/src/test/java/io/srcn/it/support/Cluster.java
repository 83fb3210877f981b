package io.srcn.it.support;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fake FE and a mock Kubernetes, bridged (the FE's heartbeats reach exactly the Ready pods), for
 * the SDK's integration tests; plus helpers to read what the FE saw. Normally a view over the
 * servers {@link ItCluster} (the testkit's JUnit extension) resolves, which owns and closes them;
 * {@link #start()} builds an owned pair for the few tests that run their own fixture.
 *
 * <p>Thread-safe as far as the servers are.
 */
public final class Cluster implements AutoCloseable {
  /** The namespace the tests' groups live in (created by {@link ItCluster}). */
  public static final String NS = "starrocks";

  /** The FE's heartbeat interval in the integration tests. */
  public static final long HEARTBEAT_MILLIS = 50;

  public final MockKubernetes k8s;
  public final FakeFrontend fe;
  private final boolean owned;

  /** A view over servers someone else (the JUnit extension) owns: {@link #close()} is a no-op. */
  public Cluster(FakeFrontend fe, MockKubernetes k8s) {
    this(k8s, fe, false);
  }

  private Cluster(MockKubernetes k8s, FakeFrontend fe, boolean owned) {
    this.k8s = k8s;
    this.fe = fe;
    this.owned = owned;
  }

  /**
   * A started pair this cluster owns (closed by {@link #close()}), configured as {@link ItCluster}
   * configures the extension's: for tests with their own fixture.
   */
  public static Cluster start() {
    return start(FeMode.FQDN);
  }

  /** {@link #start()} with an FE that stores compute node hosts as {@code mode} says. */
  public static Cluster start(FeMode mode) {
    MockKubernetes k8s = MockKubernetes.builder().namespaces(NS).build().start();
    FakeFrontend fe =
        FakeFrontend.builder()
            .mode(mode)
            .heartbeatInterval(Duration.ofMillis(HEARTBEAT_MILLIS))
            .reachability(k8s.reachability())
            .resolver(k8s.dnsResolver())
            .build()
            .start();
    return new Cluster(k8s, fe, true);
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

  /**
   * {@link #spec(String)} with credentials read from the Secret {@code fe-account} (created on
   * first use with the FE's root login), so handles from any session and the controller, which read
   * the recorded spec and never a password, reach the same FE cluster.
   */
  public ComputeNodeGroupSpec specWithSecretCredentials(String name) {
    if (k8s.client().secrets().inNamespace(NS).withName("fe-account").get() == null) {
      Credentials root = fe.frontend().credentials();
      k8s.client()
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("fe-account")
                  .withNamespace(NS)
                  .endMetadata()
                  .withStringData(
                      Map.of(
                          "FE_USR", root.literalUser().orElseThrow(),
                          "FE_PWD", root.literalPassword().orElseThrow()))
                  .build())
          .create();
    }
    return spec(name)
        .registerWith(
            fe.frontend()
                .credentials(Credentials.fromSecret("fe-account"))
                .connectTimeout(Duration.ofMillis(500)));
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

  /** Closes the servers when this cluster owns them ({@link #start()}); a no-op otherwise. */
  @Override
  public void close() {
    if (owned) {
      fe.close();
      k8s.close();
    }
  }
}
