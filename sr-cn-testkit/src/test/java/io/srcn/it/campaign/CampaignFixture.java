package io.srcn.it.campaign;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.srcn.sdk.Frontend;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What several scenarios share, one after another: a mock Kubernetes (manual HPA clock, 20 ms pod
 * delays), two fake FEs (one in FQDN mode, one in IP mode resolving pod names to their current IPs;
 * an episode uses one) whose heartbeats reach exactly the Ready pods, and two relays in front of
 * each FE that stand for two FE addresses of one FE cluster. Each scenario works in its own
 * namespace, clears the FE's statement log and the simulator's history, and restores the FE and
 * relays.
 *
 * <p>Used by one scenario at a time.
 */
final class CampaignFixture implements AutoCloseable {
  final MockKubernetes k8s;
  // the FE (and its two addresses) of the current episode: FQDN mode or IP mode
  FakeFrontend fe;
  FeProxy first;
  FeProxy second;
  private final FakeFrontend[] fes = new FakeFrontend[2];
  private final FeProxy[][] proxies = new FeProxy[2][2];
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "campaign-fault-timer");
            t.setDaemon(true);
            return t;
          });
  private int scenarios;

  CampaignFixture() {
    k8s = MockKubernetes.builder().build().start();
    for (FeMode mode : FeMode.values()) {
      int i = mode.ordinal();
      fes[i] =
          FakeFrontend.builder()
              .mode(mode)
              .heartbeatInterval(Duration.ofMillis(50))
              .reachability(k8s.reachability())
              .resolver(k8s.dnsResolver())
              .statementLogCapacity(100_000)
              .build()
              .start();
      proxies[i][0] = new FeProxy(fes[i].port()).up();
      proxies[i][1] = new FeProxy(fes[i].port()).up();
    }
    use(false);
  }

  /** Switches to the FE in IP mode (it resolves added names and stores IPs) or in FQDN mode. */
  void use(boolean ipMode) {
    int i = (ipMode ? FeMode.IP : FeMode.FQDN).ordinal();
    fe = fes[i];
    first = proxies[i][0];
    second = proxies[i][1];
  }

  /**
   * A fresh namespace for the next scenario, created in the API server (which, like a real one,
   * refuses objects in a namespace that does not exist).
   */
  synchronized String nextNamespace() {
    String ns = "s" + (++scenarios);
    k8s.client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  /** The FE as groups register with it: both relay addresses, root credentials. */
  Frontend frontend() {
    return Frontend.at(List.of(first.address(), second.address()))
        .credentials(fe.frontend().credentials())
        .connectTimeout(Duration.ofMillis(500));
  }

  /** Runs {@code action} after {@code delay} on the fault timer. */
  ScheduledFuture<?> later(Duration delay, Runnable action) {
    return timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Brings every FE address back and forgets injected faults. */
  void heal() {
    fe.start();
    fe.clearFailures();
    first.up();
    second.up();
    k8s.clearFaults();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (int i = 0; i < fes.length; i++) {
      proxies[i][0].close();
      proxies[i][1].close();
      fes[i].close();
    }
    k8s.close();
  }
}
