package io.srcn.sdk.internal.events;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the Kubernetes Event posted for each {@link EventKey}, so that a repeat within the
 * window updates that event's count instead of creating another. The window slides: it is measured
 * from the last occurrence, so a problem that keeps recurring keeps one event. Memory is bounded:
 * past {@code maxKeys} keys the least recently used one is forgotten (its next occurrence simply
 * creates a new event).
 *
 * <p>Thread-safe.
 */
final class EventDeduplicator {
  /** The event posted for a key: its name, its count, and when it last occurred. */
  record Posted(String name, int count, Instant last) {}

  private final Duration window;
  private final Map<EventKey, Posted> posted;

  EventDeduplicator(Duration window, int maxKeys) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("dedup window must be positive, got " + window);
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be >= 1, got " + maxKeys);
    }
    this.window = window;
    this.posted =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<EventKey, Posted> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /** The event to update for {@code key} occurring at {@code time}, if one is within the window. */
  synchronized Optional<Posted> existing(EventKey key, Instant time) {
    Posted p = posted.get(key);
    if (p == null) {
      return Optional.empty();
    }
    if (!time.isBefore(p.last().plus(window))) {
      posted.remove(key);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Records that {@code name} now stands for {@code key} with the given count and last time. */
  synchronized void remember(EventKey key, String name, int count, Instant last) {
    Posted previous = posted.get(key);
    Instant latest = previous != null && previous.last().isAfter(last) ? previous.last() : last;
    posted.put(key, new Posted(name, count, latest));
  }

  /** Forgets a key, e.g. when its event was deleted on the server. */
  synchronized void forget(EventKey key) {
    posted.remove(key);
  }

  /** The number of keys remembered. */
  synchronized int size() {
    return posted.size();
  }
}
