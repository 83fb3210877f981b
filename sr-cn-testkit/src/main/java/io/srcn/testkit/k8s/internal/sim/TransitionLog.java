package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.Transition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The simulator's bounded history of transitions.
 *
 * <p>Thread-safe.
 */
final class TransitionLog {
  private static final int MAX = 100_000;
  private final Deque<Transition> entries = new ArrayDeque<>();

  void pod(Transition.Type type, String namespace, String pod) {
    add(new Transition(Instant.now(), type, namespace, pod, -1, -1));
  }

  void change(Transition.Type type, String namespace, String name, int from, int to) {
    add(new Transition(Instant.now(), type, namespace, name, from, to));
  }

  private synchronized void add(Transition t) {
    if (entries.size() == MAX) {
      entries.removeFirst();
    }
    entries.addLast(t);
  }

  synchronized List<Transition> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
