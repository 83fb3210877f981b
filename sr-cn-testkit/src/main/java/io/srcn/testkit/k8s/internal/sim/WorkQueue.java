package io.srcn.testkit.k8s.internal.sim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coalescing work queue of keys on the controllers' single thread: a key enqueued several times
 * before it runs is handled once.
 *
 * <p>Thread-safe.
 */
final class WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  private final ScheduledExecutorService executor;
  private final Consumer<String> handler;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  WorkQueue(ScheduledExecutorService executor, Consumer<String> handler) {
    this.executor = executor;
    this.handler = handler;
  }

  /** Handles the key soon. */
  void add(String key) {
    if (pending.add(key)) {
      submit(() -> run(key));
    }
  }

  /** Handles the key after the delay. */
  void addAfter(String key, long delayNanos) {
    if (delayNanos <= 0) {
      add(key);
      return;
    }
    try {
      executor.schedule(() -> add(key), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.trace("simulator stopped; dropping {}", key);
    }
  }

  private void run(String key) {
    pending.remove(key);
    try {
      handler.accept(key);
    } catch (RuntimeException e) {
      LOG.debug("simulator step for {} failed, retrying: {}", key, e.toString());
      addAfter(key, TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private void submit(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.trace("simulator stopped");
    }
  }
}
