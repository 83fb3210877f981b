package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.StatementRecord;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent statements (bounded, oldest dropped first), so a benchmark's millions of
 * statements cannot exhaust memory.
 *
 * <p>Thread-safe.
 */
public final class StatementLog {
  private final int capacity;
  private final ArrayDeque<StatementRecord> entries = new ArrayDeque<>();

  /** A log keeping at most {@code capacity} entries (0 disables logging). */
  public StatementLog(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("statement log capacity must be >= 0: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Appends an entry. */
  public synchronized void add(StatementRecord entry) {
    if (capacity == 0) {
      return;
    }
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /** The entries, oldest first. */
  public synchronized List<StatementRecord> list() {
    return List.copyOf(entries);
  }

  /** Removes every entry. */
  public synchronized void clear() {
    entries.clear();
  }
}
