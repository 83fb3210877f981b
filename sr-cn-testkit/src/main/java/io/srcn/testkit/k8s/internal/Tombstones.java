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

  /** Records a deletion: the object's last state, stamped with {@code version}. */
  synchronized Tombstone add(String lastState, long version) {
    ObjectNode tree = (ObjectNode) Json.parse(lastState);
    ((ObjectNode) tree.get("metadata")).put("resourceVersion", Long.toString(version));
    Tombstone t = new Tombstone(version, tree.toString());
    deque.addLast(t);
    if (deque.size() > CAPACITY) {
      deque.removeFirst();
    }
    return t;
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
