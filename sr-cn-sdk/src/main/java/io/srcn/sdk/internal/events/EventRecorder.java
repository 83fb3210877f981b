package io.srcn.sdk.internal.events;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.naming.Names;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records {@link GroupEvent}s: hands each one to the registered {@link GroupEventListener}s (on the
 * caller's thread, in turn; a throwing listener is logged and skipped) and posts it as a core
 * {@code v1} Event on the group's StatefulSet (see {@link KubernetesEvents}).
 *
 * <p>Listeners are handled by {@link Listeners}, the API calls by {@link EventPoster}. Posting
 * happens on one background thread, in order, so reconciliation never waits for the API server. A
 * repeat of the same (object, type, reason, message) within the window (default 10 minutes,
 * sliding) increments the existing event's {@code count} and {@code lastTimestamp} instead of
 * creating a new event; an event deleted meanwhile (Events expire after an hour) is created again.
 * Memory is bounded by the dedup cache size and the queue capacity: when the queue is full, new
 * events are dropped from Kubernetes (listeners still see them) and counted. Failures to post are
 * logged with the HTTP code and never thrown.
 *
 * <p>Why core {@code v1} rather than {@code events.k8s.io/v1}: both land in the same storage, but
 * {@code kubectl describe} and most dashboards read core Events, the {@code count}/{@code
 * lastTimestamp} model is what deduplication needs without a series state machine, and the RBAC
 * rule most platforms already grant is {@code ""/events}.
 *
 * <p>Thread-safe. Close it to stop the background thread.
 */
public final class EventRecorder implements AutoCloseable {
  /** Default dedup window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** Default number of (object, type, reason, message) keys remembered. */
  public static final int DEFAULT_MAX_KEYS = 1024;

  /** Default number of events waiting to be posted before new ones are dropped. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Counters since creation: events created, repeats folded into an existing event, posts that
   * failed, and events dropped because the queue was full. Immutable and thread-safe.
   */
  public record Stats(long created, long updated, long failed, long dropped) {}

  private final EventPoster poster;
  private final ThreadPoolExecutor worker;
  private final Listeners listeners = new Listeners();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object idle = new Object();
  private long pending; // guarded by idle
  private volatile boolean closed;

  /** A recorder with the default window, cache size and queue capacity. */
  public EventRecorder(KubernetesClient client, String reportingInstance) {
    this(client, reportingInstance, DEFAULT_WINDOW, DEFAULT_MAX_KEYS, DEFAULT_QUEUE_CAPACITY);
  }

  /**
   * A recorder.
   *
   * @param client the Kubernetes client (not closed by this recorder)
   * @param reportingInstance who reports, e.g. the controller's pod name; at most 128 characters
   * @param window how long a repeat updates the previous event
   * @param maxKeys how many distinct events are remembered for deduplication
   * @param queueCapacity how many events may wait to be posted
   */
  public EventRecorder(
      KubernetesClient client,
      String reportingInstance,
      Duration window,
      int maxKeys,
      int queueCapacity) {
    if (reportingInstance.isEmpty() || reportingInstance.length() > 128) {
      throw new IllegalArgumentException(
          "reportingInstance must have 1..128 characters, got " + reportingInstance.length());
    }
    this.poster =
        new EventPoster(client, reportingInstance, new EventDeduplicator(window, maxKeys));
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "sr-cn-sdk-events");
              t.setDaemon(true);
              return t;
            });
  }

  /** Adds a listener; it sees every event recorded from now on. */
  public void addListener(GroupEventListener listener) {
    listeners.add(listener);
  }

  /**
   * Records an event: notifies the listeners now and queues the Kubernetes post. Never throws.
   *
   * @param event the event
   * @param statefulSetUid the uid of the group's StatefulSet, or null to look it up when posting
   */
  public void record(GroupEvent event, String statefulSetUid) {
    if (closed) {
      LOG.debug("event recorder closed; not recording {} for {}", event.reason(), event.group());
      return;
    }
    listeners.deliver(event);
    enqueue(event, statefulSetUid);
  }

  /**
   * Waits until every event recorded so far has been posted (or has failed).
   *
   * @return false when the timeout elapsed first
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  /** Counters since creation. */
  public Stats stats() {
    return new Stats(created.get(), updated.get(), failed.get(), dropped.get());
  }

  /** Posts what is queued (for up to five seconds), then stops the background thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!flush(CLOSE_TIMEOUT)) {
        long left;
        synchronized (idle) {
          left = pending;
        }
        LOG.warn(
            "event recorder closed with {} events still queued after {} s of posting; they are"
                + " not posted (a burst of group events just before the stop, or a slow API"
                + " server)",
            left,
            CLOSE_TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.shutdownNow();
  }

  private void enqueue(GroupEvent event, String uid) {
    synchronized (idle) {
      pending++;
    }
    try {
      worker.execute(() -> postAndRelease(event, uid));
    } catch (RejectedExecutionException e) {
      release();
      long n = dropped.incrementAndGet();
      LOG.warn(
          "event queue full; not posting {} for {}/{} ({} dropped so far)",
          event.reason(),
          event.namespace(),
          event.group(),
          n);
    }
  }

  private void postAndRelease(GroupEvent event, String uid) {
    try {
      if (poster.post(event, uid) == EventPoster.Outcome.CREATED) {
        created.incrementAndGet();
      } else {
        updated.incrementAndGet();
      }
      if (failing.compareAndSet(true, false)) {
        LOG.info("posting Kubernetes Events works again ({} failed before)", failed.get());
      }
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      logFailure(event, e);
    } finally {
      release();
    }
  }

  /**
   * The first failure after a success is a warning; repeats go to debug, so a missing RBAC rule
   * does not flood the log.
   */
  private void logFailure(GroupEvent event, RuntimeException e) {
    String sts = Names.statefulSet(event.group());
    if (closed && (Thread.currentThread().isInterrupted() || interrupted(e))) {
      // close() gave up waiting and interrupted the post: not a failure to report
      LOG.debug(
          "event {} on StatefulSet {}/{} not posted: the recorder closed",
          event.reason(),
          event.namespace(),
          sts,
          e);
      return;
    }
    if (failing.compareAndSet(false, true)) {
      LOG.warn(
          "could not post event {} on StatefulSet {}/{}: {} (further failures are logged at"
              + " debug until a post succeeds)",
          event.reason(),
          event.namespace(),
          sts,
          describe(e));
    } else {
      LOG.debug(
          "could not post event {} on StatefulSet {}/{}: {}",
          event.reason(),
          event.namespace(),
          sts,
          describe(e));
    }
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private void release() {
    synchronized (idle) {
      pending--;
      if (pending == 0) {
        idle.notifyAll();
      }
    }
  }

  static String describe(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      return "HTTP " + k.getCode() + ": " + first;
    }
    return e.getClass().getSimpleName() + ": " + first;
  }
}
