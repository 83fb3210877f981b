package io.srcn.examples.bench;

import io.srcn.testkit.k8s.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the pods of one scale-out event arrive, from the StatefulSet simulator's history: how far
 * apart the new pods turned Ready (first to last), and how long the first of them took from Ready
 * to registered in the FE (one pass with its ADD). When the spread is larger than the pass, no
 * "join the ADD in flight" scheme can put the event into one statement without waiting.
 *
 * <p>Immutable and thread-safe.
 *
 * @param spreadMs first to last Ready among the event's new pods, in ms
 * @param firstPassMs the first Ready pod's Ready to its ADD completed in the FE, in ms
 */
record Arrivals(double spreadMs, double firstPassMs) {

  /**
   * The arrivals of pods {@code from..to} of {@code group} after the history was cleared (the scale
   * event); each pod must be registered.
   */
  static Arrivals of(BenchCluster c, String group, int from, int to) {
    List<Transition> history = c.k8s.statefulSets().history();
    Instant first = null;
    Instant last = null;
    String firstPod = null;
    List<Instant> ready = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String pod = group + "-cn-" + i;
      Optional<Instant> at = readyAt(history, pod);
      if (at.isEmpty()) {
        throw new IllegalStateException("no Ready transition of " + pod + " in the history");
      }
      ready.add(at.get());
      if (first == null || at.get().isBefore(first)) {
        first = at.get();
        firstPod = pod;
      }
      if (last == null || at.get().isAfter(last)) {
        last = at.get();
      }
    }
    int ordinal = Integer.parseInt(firstPod.substring(firstPod.lastIndexOf('-') + 1));
    Instant added = c.node(group, ordinal).addedAt();
    return new Arrivals(millis(first, last), millis(first, added));
  }

  /** The number of POD_READY transitions of {@code group}'s pods {@code from..to}. */
  static long readyCount(BenchCluster c, String group, int from, int to) {
    return readyCount(c.k8s.statefulSets().history(), group, from, to);
  }

  /** The same, in {@code history}. */
  static long readyCount(List<Transition> history, String group, int from, int to) {
    long n = 0;
    for (int i = from; i <= to; i++) {
      n += readyAt(history, group + "-cn-" + i).isPresent() ? 1 : 0;
    }
    return n;
  }

  private static Optional<Instant> readyAt(List<Transition> history, String pod) {
    return history.stream()
        .filter(t -> t.type() == Transition.Type.POD_READY && t.name().equals(pod))
        .map(Transition::time)
        .findFirst();
  }

  private static double millis(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e6;
  }
}
