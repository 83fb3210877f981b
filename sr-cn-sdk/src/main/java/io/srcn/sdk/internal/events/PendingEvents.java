package io.srcn.sdk.internal.events;

import io.srcn.sdk.GroupEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The events waiting to be posted, in order, at most one per (object, type, reason): an event whose
 * (namespace, group, StatefulSet uid, type, reason) already waits is folded into the waiting one
 * instead of taking another place. So a burst costs one request per group and reason however many
 * passes reported it, and the capacity counts groups rather than events: only when {@code capacity}
 * different keys wait is a new one refused.
 *
 * <p>Folding is client-go's aggregation (staging/src/k8s.io/client-go/tools/record/events_cache.go,
 * {@code EventAggregatorByReasonFunc}: same source, object, type and reason) applied to what has
 * not been posted yet, so it costs no latency when the API server keeps up. A repeat of the same
 * message only counts; node events ({@code NodeRegistered}, {@code NodeDropped}) list the union of
 * their addresses; other messages are combined as client-go does ({@link #COMBINED} and the latest
 * one).
 *
 * <p>Thread-safe: callers {@link #offer}, one worker {@link #take}s and reports {@link #done}.
 */
final class PendingEvents {
  /** client-go's prefix for an aggregated message ({@code EventAggregatorByReasonMessageFunc}). */
  static final String COMBINED = "(combined from similar events): ";

  /** What {@link #offer} did with an event. */
  enum Offer {
    /** It waits on its own. */
    QUEUED,
    /** It was folded into a waiting event of the same key. */
    FOLDED,
    /** The queue was full: it is not posted. */
    FULL
  }

  /**
   * One or more occurrences to post as one Event: {@code event} carries the (combined) message and
   * the latest time, {@code first} the first time, {@code count} how many occurrences.
   */
  record Batch(GroupEvent event, String uid, Instant first, int count) {
    Batch fold(GroupEvent next) {
      Instant firstTime = first.isBefore(next.time()) ? first : next.time();
      return new Batch(combine(event, next), uid, firstTime, count + 1);
    }
  }

  private record Key(String namespace, String group, String uid, String type, String reason) {
    static Key of(GroupEvent e, String uid) {
      return new Key(
          e.namespace(), e.group(), uid == null ? "" : uid, e.type().kubernetesValue(), e.reason());
    }
  }

  private final int capacity;
  private final Map<Key, Batch> waiting = new LinkedHashMap<>(); // guarded by this
  private int inFlight; // guarded by this

  PendingEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("event queue capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Queues or folds {@code event} about the StatefulSet with {@code uid} (null when unknown). */
  synchronized Offer offer(GroupEvent event, String uid) {
    Key key = Key.of(event, uid);
    Batch there = waiting.get(key);
    if (there != null) {
      waiting.put(key, there.fold(event));
      return Offer.FOLDED;
    }
    if (waiting.size() >= capacity) {
      return Offer.FULL;
    }
    waiting.put(key, new Batch(event, uid, event.time(), 1));
    notifyAll();
    return Offer.QUEUED;
  }

  /**
   * Waits up to {@code timeoutMillis} for a waiting batch and takes the oldest; the caller posts it
   * and then calls {@link #done}.
   *
   * @return null when none arrived in time
   */
  synchronized Batch take(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (waiting.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    Iterator<Batch> oldest = waiting.values().iterator();
    Batch batch = oldest.next();
    oldest.remove();
    inFlight++;
    return batch;
  }

  /**
   * A batch taken is posted (or failed).
   *
   * @return true when nothing waits or is being posted any more
   */
  synchronized boolean done() {
    inFlight--;
    boolean idle = idle();
    if (idle) {
      notifyAll();
    }
    return idle;
  }

  /**
   * Waits until nothing waits or is being posted.
   *
   * @return false when the timeout elapsed first
   */
  synchronized boolean awaitIdle(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (!idle()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Batches waiting or being posted. */
  synchronized int size() {
    return waiting.size() + inFlight;
  }

  /** Forgets what waits (on close); returns how many batches that was. */
  synchronized int clear() {
    int n = waiting.size();
    waiting.clear();
    notifyAll();
    return n;
  }

  private boolean idle() {
    return waiting.isEmpty() && inFlight == 0;
  }

  /** The event that stands for {@code before} and then {@code next} (same key). */
  static GroupEvent combine(GroupEvent before, GroupEvent next) {
    if (before.message().equals(next.message())) {
      return next;
    }
    return GroupEvents.union(before, next)
        .orElseGet(
            () ->
                GroupEvent.builder()
                    .from(next)
                    .message(
                        next.message().startsWith(COMBINED)
                            ? next.message()
                            : COMBINED + next.message())
                    .build());
  }
}
