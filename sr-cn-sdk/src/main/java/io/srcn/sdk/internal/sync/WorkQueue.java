package io.srcn.sdk.internal.sync;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A work queue that coalesces keys, like client-go's: a key enqueued many times before a worker
 * takes it is processed once; a key being processed is never handed to a second worker, and if it
 * is enqueued meanwhile it is processed again once the first pass is done. Delayed adds (backoff,
 * periodic resync) go through a scheduler. A batched add ({@link #addBatched}) waits out its window
 * unless an immediate {@link #add} of the same key overtakes it, which ends the batch.
 *
 * <p>Thread-safe.
 */
final class WorkQueue<K> implements AutoCloseable {
  private final Deque<K> ready = new ArrayDeque<>();
  private final Set<K> queued = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Set<K> dirtyWhileProcessing = new HashSet<>();

  /** Keys waiting out a batch window, each with the token of its scheduled add. */
  private final Map<K, Object> batching = new HashMap<>();

  private final ScheduledExecutorService delays;
  private boolean closed;

  WorkQueue(ThreadFactory threads) {
    this.delays = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /**
   * Enqueues {@code key} now (no-op if it is already waiting); a batch window the key was waiting
   * out ends here, so its timer adds nothing later.
   */
  synchronized void add(K key) {
    if (closed) {
      return;
    }
    batching.remove(key);
    if (processing.contains(key)) {
      dirtyWhileProcessing.add(key);
      return;
    }
    if (queued.add(key)) {
      ready.addLast(key);
      notifyAll();
    }
  }

  /** Enqueues {@code key} after {@code delay}. */
  void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    delays.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Enqueues {@code key} once {@code window} has passed since the first of the adds made within it:
   * adds while the key is already waiting or batching are absorbed, so a burst of events costs one
   * pass. An {@link #add} of the key before the window ends enqueues it at once and ends the batch.
   */
  void addBatched(K key, Duration window) {
    if (window.isZero() || window.isNegative()) {
      add(key);
      return;
    }
    Object token = new Object();
    synchronized (this) {
      if (closed || queued.contains(key) || batching.putIfAbsent(key, token) != null) {
        return;
      }
    }
    delays.schedule(
        () -> {
          synchronized (this) {
            if (!batching.remove(key, token)) {
              return; // overtaken by an immediate add
            }
          }
          add(key);
        },
        window.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /**
   * Takes the next key, waiting up to {@code timeout}; the caller must call {@link #done} for it.
   * Returns empty on timeout or once the queue is closed.
   */
  synchronized Optional<K> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ready.isEmpty() && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (closed) {
      return Optional.empty();
    }
    K key = ready.removeFirst();
    queued.remove(key);
    processing.add(key);
    return Optional.of(key);
  }

  /** Marks {@code key} processed; re-enqueues it if it was added meanwhile. */
  synchronized void done(K key) {
    processing.remove(key);
    if (dirtyWhileProcessing.remove(key)) {
      add(key);
    }
  }

  /** Keys waiting (not counting those being processed). */
  synchronized int size() {
    return ready.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    delays.shutdownNow();
  }
}
