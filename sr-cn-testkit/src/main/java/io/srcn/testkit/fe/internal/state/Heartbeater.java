package io.srcn.testkit.fe.internal.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every compute node on a fixed delay from one daemon thread, as the FE's heartbeat manager
 * does, asking a reachability predicate instead of sending thrift heartbeats.
 *
 * <p>Thread-safe.
 */
public final class Heartbeater {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeater.class);

  private final ClusterState state;
  private final Duration interval;
  private final int retryTimes;
  private final Supplier<Predicate<String>> reachability;
  private ScheduledExecutorService executor;

  /** A heartbeater for {@code state}; not started. */
  public Heartbeater(
      ClusterState state,
      Duration interval,
      int retryTimes,
      Supplier<Predicate<String>> reachability) {
    this.state = state;
    this.interval = interval;
    this.retryTimes = retryTimes;
    this.reachability = reachability;
  }

  /** Starts polling on a daemon thread named after {@code name}; no-op when running. */
  public synchronized void start(String name) {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    long nanos = interval.toNanos();
    executor.scheduleWithFixedDelay(this::pollOnce, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Stops polling (nodes keep their state); no-op when stopped. */
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  /** One poll of every node, now, on the caller's thread. */
  public void pollOnce() {
    try {
      state.heartbeat(reachability.get(), retryTimes);
    } catch (RuntimeException e) {
      LOG.warn("heartbeat round failed", e);
    }
  }
}
