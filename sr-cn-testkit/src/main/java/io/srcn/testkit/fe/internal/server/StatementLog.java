package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.StatementRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most recent statements (bounded, oldest dropped first), so a benchmark's millions of
 * statements cannot exhaust memory. Lock-free, so many connections do not contend on it.
 *
 * <p>Thread-safe.
 */
public final class StatementLog {
  private final int capacity;
  private final ConcurrentLinkedQueue<StatementRecord> entries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  /** A log keeping at most {@code capacity} entries (0 disables logging). */
  public StatementLog(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("statement log capacity must be >= 0: " + capacity);
    }
    this.capacity = capacity;
  }

  /** True when entries are kept at all. */
  public boolean enabled() {
    return capacity > 0;
  }

  /** Appends an entry, dropping the oldest ones beyond the capacity. */
  public void add(StatementRecord entry) {
    if (capacity == 0) {
      return;
    }
    entries.add(entry);
    if (size.incrementAndGet() > capacity && entries.poll() != null) {
      size.decrementAndGet();
    }
  }

  /** The entries, oldest first. */
  public List<StatementRecord> list() {
    List<StatementRecord> out = new ArrayList<>(entries);
    return List.copyOf(out.subList(Math.max(0, out.size() - Math.max(capacity, 1)), out.size()));
  }

  /** How many entries are kept now. */
  public int size() {
    return Math.min(Math.max(size.get(), 0), capacity);
  }

  /** Removes every entry. */
  public void clear() {
    while (entries.poll() != null) {
      size.decrementAndGet();
    }
  }
}
