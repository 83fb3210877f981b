package io.srcn.it.campaign;

import io.srcn.sdk.Frontend;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What several scenarios share, one after another: a mock Kubernetes (manual HPA clock, 20 ms pod
 * delays), a fake FE whose heartbeats reach exactly the Ready pods, and two relays in front of the
 * FE that stand for two FE addresses of one FE cluster. Each scenario works in its own namespace,
 * clears the FE's statement log and the simulator's history, and restores the FE and relays.
 *
 * <p>Used by one scenario at a time.
 */
final class CampaignFixture implements AutoCloseable {
  final MockKubernetes k8s;
  final FakeFrontend fe;
  final FeProxy first;
  final FeProxy second;
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
    fe =
        FakeFrontend.builder()
            .heartbeatInterval(Duration.ofMillis(50))
            .reachability(k8s.reachability())
            .resolver(k8s.dnsResolver())
            .statementLogCapacity(100_000)
            .build()
            .start();
    first = new FeProxy(fe.port()).up();
    second = new FeProxy(fe.port()).up();
  }

  /** A fresh namespace name for the next scenario. */
  synchronized String nextNamespace() {
    return "s" + (++scenarios);
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
    first.close();
    second.close();
    fe.close();
    k8s.close();
  }
}
