package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.Transition;
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

  synchronized void add(List<Transition> transitions) {
    for (Transition t : transitions) {
      if (entries.size() == MAX) {
        entries.removeFirst();
      }
      entries.addLast(t);
    }
  }

  synchronized List<Transition> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
