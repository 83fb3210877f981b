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
 * periodic resync) go through a scheduler. A batched add ({@link #addBatched}) waits until its key
 * has been quiet for a while, up to a cap, unless an immediate {@link #add} of the same key
 * overtakes it, which ends the batch.
 *
 * <p>Thread-safe.
 */
final class WorkQueue<K> implements AutoCloseable {
  private final Deque<K> ready = new ArrayDeque<>();
  private final Set<K> queued = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Set<K> dirtyWhileProcessing = new HashSet<>();

  /** Keys waiting out a batch window, each with its batch (the token of its scheduled add). */
  private final Map<K, Batch> batching = new HashMap<>();

  /** A batch window: when it opened and when it ends (guarded by the queue). */
  private static final class Batch {
    final long openedNanos;
    long dueNanos;

    Batch(long openedNanos, long dueNanos) {
      this.openedNanos = openedNanos;
      this.dueNanos = dueNanos;
    }
  }

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
   * Enqueues {@code key} once it has been quiet for {@code quiet} (no further batched add of it),
   * but no later than {@code cap} after the add that opened the batch: adds while the key is
   * already waiting or batching are absorbed and push the end of the batch out, so a burst of
   * events costs one pass. With {@code cap} equal to {@code quiet} the batch ends {@code quiet}
   * after it opened, whatever comes meanwhile (a fixed window). An {@link #add} of the key before
   * the batch ends enqueues it at once and ends the batch.
   */
  void addBatched(K key, Duration quiet, Duration cap) {
    if (quiet.isZero() || quiet.isNegative()) {
      add(key);
      return;
    }
    long now = System.nanoTime();
    long quietNanos = quiet.toNanos();
    long capNanos = Math.max(quietNanos, cap.toNanos());
    Batch batch;
    synchronized (this) {
      if (closed || queued.contains(key)) {
        return;
      }
      Batch open = batching.get(key);
      if (open != null) {
        open.dueNanos = Math.min(now + quietNanos, open.openedNanos + capNanos);
        return;
      }
      batch = new Batch(now, now + quietNanos);
      batching.put(key, batch);
    }
    schedule(key, batch, quietNanos);
  }

  private void schedule(K key, Batch batch, long delayNanos) {
    try {
      delays.schedule(() -> fire(key, batch), delayNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile: nothing is taken from a closed queue
    }
  }

  /** The batch's timer: enqueues the key when the batch is due, or waits on until it is. */
  private void fire(K key, Batch batch) {
    long left;
    synchronized (this) {
      if (batching.get(key) != batch) {
        return; // overtaken by an immediate add
      }
      left = batch.dueNanos - System.nanoTime();
      if (left <= 0) {
        batching.remove(key);
      }
    }
    if (left > 0) {
      schedule(key, batch, left);
    } else {
      add(key);
    }
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
