package io.srcn.sdk.internal.sync;

import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@link Controller}.
 *
 * @param namespace the namespace watched, or empty for the whole cluster
 * @param labels extra labels a group's objects must carry
 * @param resync the periodic resync
 * @param workers reconciling threads
 * @param batchWindow how long a settling group's events must be quiet before its pass, at most
 *     {@link Settling#cap} after the first ({@link Settling}; 0: at once; the ADDs are
 *     group-committed per FE cluster either way, {@link AddCoalescer})
 * @param lease the leader-election Lease, when enabled
 */
public record ControllerSettings(
    Optional<String> namespace,
    Map<String, String> labels,
    Duration resync,
    int workers,
    Duration batchWindow,
    Optional<Lease> lease) {

  /**
   * Validates the ranges, like a spec: every violation at once, each with its builder setting.
   *
   * @throws InvalidSpecException naming every setting out of range
   */
  public ControllerSettings {
    List<Violation> violations = new ArrayList<>();
    if (resync.compareTo(Duration.ofMillis(100)) < 0) {
      violations.add(
          new Violation("resyncPeriod", "resyncPeriod " + resync + " must be at least 100 ms"));
    }
    if (workers < 1 || workers > 64) {
      violations.add(new Violation("workers", "workers " + workers + " must be in 1..64"));
    }
    if (batchWindow.isNegative() || batchWindow.compareTo(Duration.ofSeconds(5)) > 0) {
      violations.add(
          new Violation("batchWindow", "batchWindow " + batchWindow + " must be 0..5 s"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
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
    /**
     * Validates the duration.
     *
     * @throws InvalidSpecException when it is shorter than a second
     */
    public Lease {
      if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new InvalidSpecException(
            List.of(
                new Violation(
                    "leaseDuration", "leaseDuration " + duration + " must be at least 1 s")));
      }
    }
  }
}
