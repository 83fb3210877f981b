package io.srcn.testkit.k8s.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last deletions the API server made, each with the resourceVersion it was given, so that a
 * watch opened from an older resourceVersion can replay them (as the real API server does from its
 * watch cache).
 *
 * <p>Thread-safe.
 */
final class Tombstones {
  static final int CAPACITY = 10_000;

  private final Deque<Tombstone> deque = new ArrayDeque<>();
  private long evicted; // the version of the newest deletion forgotten, 0 when none

  /** Records a deletion: the object's last state, stamped with {@code version}. */
  synchronized Tombstone add(String lastState, long version) {
    ObjectNode tree = (ObjectNode) Json.parse(lastState);
    ((ObjectNode) tree.get("metadata")).put("resourceVersion", Long.toString(version));
    Tombstone t = new Tombstone(version, tree.toString());
    deque.addLast(t);
    if (deque.size() > CAPACITY) {
      evicted = deque.removeFirst().version();
    }
    return t;
  }

  /**
   * The version of the newest deletion no longer remembered (0 when none was forgotten): a watch
   * from an older resourceVersion could miss it, so it must be refused with 410 Gone.
   */
  synchronized long evictedVersion() {
    return evicted;
  }

  /** The deletions stamped after {@code version}, oldest first. */
  synchronized List<Tombstone> since(long version) {
    List<Tombstone> out = new ArrayList<>();
    for (Tombstone t : deque) {
      if (t.version() > version) {
        out.add(t);
      }
    }
    return out;
  }
}
