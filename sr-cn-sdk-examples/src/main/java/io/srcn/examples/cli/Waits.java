package io.srcn.examples.cli;

import io.srcn.examples.internal.Console;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ReadinessTimeoutException;
import java.time.Duration;

/**
 * {@code --wait}: {@link ComputeNodeGroup#awaitReady} in one-second slices, printing what changed
 * after each slice, so a long wait shows its progress (pods coming up, nodes registering, nodes
 * turning alive).
 *
 * <p>Stateless and thread-safe.
 */
final class Waits {
  private static final Duration SLICE = Duration.ofSeconds(1);

  private Waits() {}

  /**
   * Reconciles until every desired pod is Ready, registered and Alive.
   *
   * @throws ReadinessTimeoutException when {@code timeout} passes first
   */
  static GroupStatus ready(ComputeNodeGroup group, Duration timeout, Console console) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (true) {
      long left = deadline - System.nanoTime();
      Duration slice = Duration.ofNanos(Math.max(0, Math.min(left, SLICE.toNanos())));
      try {
        return group.awaitReady(slice);
      } catch (ReadinessTimeoutException e) {
        String observed = e.lastStatus().map(GroupStatus::summary).orElse("");
        if (!observed.equals(last)) {
          last = observed;
          console.line("waiting: %s", last);
        }
        if (System.nanoTime() >= deadline) {
          throw new ReadinessTimeoutException(
              group.namespace() + "/" + group.name(),
              "pods Ready, registered and Alive in the FE within "
                  + DurationConverter.format(timeout),
              e.lastStatus().orElse(null));
        }
      }
    }
  }
}
