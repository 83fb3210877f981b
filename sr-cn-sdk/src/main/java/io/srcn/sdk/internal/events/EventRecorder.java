package io.srcn.sdk.internal.events;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.naming.Names;
import java.time.Duration;
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
 * happens on one background thread, in order, so reconciliation never waits for the API server.
 * Posting never reads the StatefulSet: the caller passes its uid (the pass that records the event
 * has read it). Events that wait while the thread is busy are folded per (object, type, reason)
 * ({@link PendingEvents}), so a burst costs one request per group and reason. A repeat of the same
 * (object, type, reason, message) within the window (default 10 minutes, sliding) increments the
 * existing event's {@code count} and {@code lastTimestamp} instead of creating a new event; an
 * event deleted meanwhile (Events expire after an hour) is created again. Memory is bounded by the
 * dedup cache size and the queue capacity (in waiting keys): when the queue is full, new events are
 * dropped from Kubernetes (listeners still see them), counted, and summed up in a few log lines
 * ({@link DropReport}). Failures to post are logged with the HTTP code and never thrown.
 *
 * <p>Of client-go's answers to floods ({@code EventCorrelator}, tools/record/events_cache.go) this
 * takes the aggregation key and message for what waits, and the count for repeats. It does not take
 * the spam filter (a token bucket per source and object: 25 events, then one per 5 minutes), which
 * would silently drop a busy group's later registrations; folding already bounds the requests of a
 * burst to one per group and reason without losing an occurrence from the count.
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

  /**
   * Default number of (group, type, reason) keys waiting to be posted before new ones are dropped.
   * Waiting events fold per key, so this counts groups, not events: 10,000 is the scale one
   * controller is built for (issue 19), so the registration burst of a cold start at that scale
   * loses no group's event, for 10-20 MB at most (a waiting event naming three pods is 1-2 KB).
   * client-go's recorder keeps 1,000 events (maxQueuedEvents, tools/record/event.go) but does not
   * fold them.
   */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 1000;

  /**
   * Counters since creation: Events created, Events whose count was bumped, posts that failed,
   * events dropped because the queue was full, and events folded into one waiting to be posted (no
   * request of their own). Once the queue is empty, the events recorded are {@code created +
   * updated + failed + dropped + folded}: a batch of N folded events counts once in the first three
   * and N - 1 times in {@code folded}. Immutable and thread-safe.
   */
  public record Stats(long created, long updated, long failed, long dropped, long folded) {
    /** Kubernetes requests made for events: creates, count updates and failed attempts. */
    public long requests() {
      return created + updated + failed;
    }
  }

  private final EventPoster poster;
  private final PendingEvents pending;
  private final int capacity;
  private final DropReport drops;
  private final Thread worker;
  private final Listeners listeners = new Listeners();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong folded = new AtomicLong();
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
   * @param queueCapacity how many (group, type, reason) keys may wait to be posted
   */
  public EventRecorder(
      KubernetesClient client,
      String reportingInstance,
      Duration window,
      int maxKeys,
      int queueCapacity) {
    this(client, reportingInstance, window, maxKeys, queueCapacity, DropReport.DEFAULT_INTERVAL);
  }

  EventRecorder(
      KubernetesClient client,
      String reportingInstance,
      Duration window,
      int maxKeys,
      int queueCapacity,
      Duration dropReportInterval) {
    if (reportingInstance.isEmpty() || reportingInstance.length() > 128) {
      throw new IllegalArgumentException(
          "reportingInstance must have 1..128 characters, got " + reportingInstance.length());
    }
    this.poster =
        new EventPoster(client, reportingInstance, new EventDeduplicator(window, maxKeys));
    this.pending = new PendingEvents(queueCapacity);
    this.capacity = queueCapacity;
    this.drops = new DropReport(dropReportInterval, System::nanoTime, LOG::warn);
    this.worker = new Thread(this::work, "sr-cn-sdk-events");
    this.worker.setDaemon(true);
  }

  /** Adds a listener; it sees every event recorded from now on. */
  public void addListener(GroupEventListener listener) {
    listeners.add(listener);
  }

  /**
   * Records an event: notifies the listeners now and queues the Kubernetes post. Never throws and
   * never calls the API server on the caller's thread.
   *
   * @param event the event
   * @param statefulSetUid the uid of the group's StatefulSet as the caller last saw it, or null
   *     when it has none (the Event then names the StatefulSet by namespace and name only, which
   *     the API server accepts, but {@code kubectl describe} selects Events by uid too)
   */
  public void record(GroupEvent event, String statefulSetUid) {
    if (closed) {
      LOG.debug("event recorder closed; not recording {} for {}", event.reason(), event.group());
      return;
    }
    listeners.deliver(event);
    if (started.compareAndSet(false, true)) {
      worker.start();
    }
    switch (pending.offer(event, statefulSetUid)) {
      case FOLDED -> folded.incrementAndGet();
      case FULL -> drops.dropped(event, capacity);
      case QUEUED -> {}
    }
  }

  /**
   * Waits until every event recorded so far has been posted (or has failed or was dropped).
   *
   * @return false when the timeout elapsed first
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    return pending.awaitIdle(timeout.toNanos());
  }

  /** Events recorded and neither posted, failed nor dropped yet (folded ones count as one). */
  public int pending() {
    return pending.size();
  }

  /** Counters since creation. */
  public Stats stats() {
    return new Stats(created.get(), updated.get(), failed.get(), drops.total(), folded.get());
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
        LOG.warn(
            "event recorder closed with {} events still queued after {} s of posting; they are"
                + " not posted (a burst of group events just before the stop, or a slow API"
                + " server)",
            pending.size(),
            CLOSE_TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pending.clear();
    worker.interrupt();
  }

  private void work() {
    while (!closed || pending.size() > 0) {
      PendingEvents.Batch batch;
      try {
        batch = pending.take(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        continue;
      }
      post(batch);
      if (pending.done()) {
        drops.drained();
      }
    }
  }

  private void post(PendingEvents.Batch batch) {
    try {
      if (poster.post(batch) == EventPoster.Outcome.CREATED) {
        created.incrementAndGet();
      } else {
        updated.incrementAndGet();
      }
      if (failing.compareAndSet(true, false)) {
        LOG.info("posting Kubernetes Events works again ({} failed before)", failed.get());
      }
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      logFailure(batch.event(), e);
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
