package io.srcn.examples.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.List;
import java.util.Locale;

/**
 * The quick-start on the embedded testkit: a {@link FakeFrontend} and a {@link MockKubernetes} in
 * this process, bridged so that a registered node is alive in the FE exactly while its pod is
 * Ready, with the HPA simulator in real time. Load is a {@link SimulatedWorkload}.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedEnvironment implements QuickStartEnvironment {
  /** Total CPU demand (percent of one pod's request) that makes the HPA settle at 4 pods. */
  static final int BUSY_CPU = QuickStartGroup.PEAK * QuickStartGroup.CPU_TARGET;

  /** Total memory demand while busy: below what would need more pods than CPU does. */
  static final int BUSY_MEMORY = 60;

  /** Total CPU demand while idle: one pod is enough. */
  static final int IDLE_CPU = 30;

  /** Total memory demand while idle. */
  static final int IDLE_MEMORY = 20;

  private final MockKubernetes k8s;
  private final FakeFrontend fe;

  private EmbeddedEnvironment(MockKubernetes k8s, FakeFrontend fe) {
    this.k8s = k8s;
    this.fe = fe;
  }

  /** Starts a mock API server and a fake FE on 127.0.0.1 (free ports), bridged. */
  public static EmbeddedEnvironment start(QuickStartSettings s) {
    MockKubernetes k8s =
        MockKubernetes.builder()
            .podReadyDelay(s.podReadyDelay())
            .namespaces(s.namespace())
            .build()
            .start();
    try {
      k8s.hpa().realTime(s.hpaSync());
      FakeFrontend fe =
          FakeFrontend.builder()
              .heartbeatInterval(s.heartbeat())
              .reachability(k8s.reachability())
              .resolver(k8s.dnsResolver())
              .build()
              .start();
      return new EmbeddedEnvironment(k8s, fe);
    } catch (RuntimeException e) {
      k8s.close();
      throw e;
    }
  }

  @Override
  public List<String> description() {
    return List.of(
        "embedded testkit, in this process (no cluster and no FE needed):",
        "  fake FE          " + fe.address() + " (MySQL protocol, StarRocks 3.3, user root)",
        "  mock Kubernetes  "
            + k8s.url()
            + " (StatefulSet, pod and HPA simulators; the FE's heartbeats reach Ready pods)");
  }

  /** The fake FE, for tests that check what it saw. */
  public FakeFrontend fakeFrontend() {
    return fe;
  }

  @Override
  public KubernetesClient kube() {
    return k8s.client();
  }

  @Override
  public Frontend frontend() {
    return fe.frontend();
  }

  @Override
  public CredentialsResolver resolver() {
    Frontend literal = fe.frontend();
    return (credentials, namespace) ->
        credentials.isRedacted() ? literal.credentials() : credentials;
  }

  @Override
  public boolean hasMetrics() {
    return true;
  }

  @Override
  public ScaleDriver scaleDriver(ComputeNodeGroup group, QuickStartSettings settings) {
    SimulatedWorkload load = new SimulatedWorkload(k8s.hpa(), k8s.client(), group.spec());
    load.demand(IDLE_CPU, IDLE_MEMORY);
    load.follow(settings.hpaSync().dividedBy(2));
    return new ScaleDriver() {
      @Override
      public String scaleOutDescription() {
        return String.format(
            Locale.ROOT,
            "raising the simulated load to %d %% CPU (of one pod's request), spread over the ready"
                + " pods: the HPA adds one pod per period until each is at the %d %% target",
            BUSY_CPU,
            QuickStartGroup.CPU_TARGET);
      }

      @Override
      public void scaleOut() {
        load.demand(BUSY_CPU, BUSY_MEMORY);
      }

      @Override
      public String scaleInDescription() {
        return String.format(
            Locale.ROOT,
            "lowering the simulated load to %d %% CPU: the HPA removes one pod per period",
            IDLE_CPU);
      }

      @Override
      public void scaleIn() {
        load.demand(IDLE_CPU, IDLE_MEMORY);
      }

      @Override
      public void close() {
        load.close();
      }
    };
  }

  @Override
  public void close() {
    try {
      fe.close();
    } finally {
      k8s.close();
    }
  }
}
