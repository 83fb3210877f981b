package io.srcn.sdk.internal.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@link Controller}.
 *
 * @param namespace the namespace watched, or empty for the whole cluster
 * @param labels extra labels a group's objects must carry
 * @param resync the periodic resync
 * @param workers reconciling threads
 * @param batchWindow how long a group waits after a Kubernetes event before its pass, so that pods
 *     turning Ready together are registered in one ADD
 * @param lease the leader-election Lease, when enabled
 */
public record ControllerSettings(
    Optional<String> namespace,
    Map<String, String> labels,
    Duration resync,
    int workers,
    Duration batchWindow,
    Optional<Lease> lease) {

  /** Validates the ranges. */
  public ControllerSettings {
    if (resync.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException("resyncPeriod " + resync + " must be at least 100 ms");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers " + workers + " must be in 1..64");
    }
    if (batchWindow.isNegative() || batchWindow.compareTo(Duration.ofSeconds(5)) > 0) {
      throw new IllegalArgumentException("batchWindow " + batchWindow + " must be 0..5 s");
    }
  }

  /**
   * A leader-election Lease.
   *
   * @param namespace the Lease's namespace
   * @param name the Lease's name
   * @param identity this instance's identity
   * @param duration the lease duration
   */
  public record Lease(String namespace, String name, String identity, Duration duration) {
    /** Validates the duration. */
    public Lease {
      if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("leaseDuration " + duration + " must be at least 1 s");
      }
    }
  }
}
