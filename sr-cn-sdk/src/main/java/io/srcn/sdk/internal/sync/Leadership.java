package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a controller works: at once without a Lease, or while it holds the Lease (fabric8's
 * {@code LeaderElector}, releasing the Lease on stop). After losing leadership it campaigns again.
 *
 * <p>Thread-safe.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final Optional<ControllerSettings.Lease> lease;
  private final Runnable onLead;
  private final Runnable onFollow;
  private final ScheduledExecutorService retry =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("sr-cn-sdk-leader"));
  private CompletableFuture<?> campaign;
  private boolean stopped;

  Leadership(
      KubernetesClient client,
      Optional<ControllerSettings.Lease> lease,
      Runnable onLead,
      Runnable onFollow) {
    this.client = client;
    this.lease = lease;
    this.onLead = onLead;
    this.onFollow = onFollow;
  }

  void start() {
    if (lease.isEmpty()) {
      onLead.run();
      return;
    }
    campaign();
  }

  void stop() {
    CompletableFuture<?> current;
    synchronized (this) {
      stopped = true;
      current = campaign;
    }
    if (current != null) {
      current.cancel(true);
    }
    retry.shutdownNow();
  }

  private synchronized void campaign() {
    if (stopped) {
      return;
    }
    ControllerSettings.Lease l = lease.orElseThrow();
    Duration duration = l.duration();
    LeaderElectionConfig config =
        new LeaderElectionConfig(
            new LeaseLock(l.namespace(), l.name(), l.identity()),
            duration,
            duration.multipliedBy(2).dividedBy(3),
            duration.dividedBy(5),
            new LeaderCallbacks(
                onLead,
                onFollow,
                leader -> LOG.info("lease {}/{} held by {}", l.namespace(), l.name(), leader)),
            true,
            "sr-cn-sdk");
    campaign = client.leaderElector().withConfig(config).build().start();
    campaign.whenComplete(
        (ignored, error) -> {
          onFollow.run();
          synchronized (this) {
            if (!stopped) {
              retry.schedule(
                  this::campaign, duration.dividedBy(5).toMillis(), TimeUnit.MILLISECONDS);
            }
          }
        });
  }
}
