package io.srcn.examples.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints progress while a blocking call (such as {@code ComputeNodeGroup.delete()}) runs: asks a
 * probe every period on a daemon thread and prints its answer whenever it changes. A probe that
 * fails or answers empty prints nothing.
 *
 * <p>Thread-safe. Close it when the call returns.
 */
public final class ProgressTicker implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private String last = "";

  private ProgressTicker(Console console, Supplier<Optional<String>> probe, Duration period) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "srcn-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> tick(console, probe), 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts ticking at once. */
  public static ProgressTicker start(
      Console console, Supplier<Optional<String>> probe, Duration period) {
    return new ProgressTicker(console, probe, period);
  }

  private void tick(Console console, Supplier<Optional<String>> probe) {
    Optional<String> now;
    try {
      now = probe.get();
    } catch (RuntimeException e) {
      return; // the object may be gone already; the call itself reports failures
    }
    if (now.isPresent() && !now.get().equals(last)) {
      last = now.get();
      console.line("    %s", last);
    }
  }

  /** Stops ticking and waits for a tick in progress to finish. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
