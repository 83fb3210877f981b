package io.srcn.examples.internal;

import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.ReadinessTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a group to reach a state while printing what changes on the way, one compact line per
 * change (see {@link #line(GroupStatus)}).
 *
 * <p>Stateless apart from the console; thread-safe.
 */
public final class Progress {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Console console;

  /** Progress printed on {@code console}. */
  public Progress(Console console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * A compact one-line view of a status: {@code pods 4 desired, 3 current, 3 ready | FE 3
   * registered, 3 alive | HPA 3 -> 4}.
   */
  public static String line(GroupStatus s) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "pods %d desired, %d current, %d ready | FE %d registered, %d alive",
            s.desiredReplicas(),
            s.currentReplicas(),
            s.readyReplicas(),
            s.registeredCount(),
            s.aliveCount()));
    s.hpa().ifPresent(h -> sb.append(" | HPA ").append(hpa(h)));
    if (!s.ghosts().isEmpty()) {
      sb.append(" | ").append(s.ghosts().size()).append(" ghost(s) to drop");
    }
    return sb.toString();
  }

  /** Exactly {@code n} pods wanted and present, all Ready, registered and Alive; no ghost. */
  public static Predicate<GroupStatus> serving(int n) {
    return s ->
        s.isReady()
            && s.desiredReplicas() == n
            && s.nodes().size() == n
            && s.nodes().stream().allMatch(NodeStatus::isServing)
            && s.ghosts().isEmpty();
  }

  /** True when every pod the group wants serves and nothing else is registered or pending. */
  public static boolean settled(GroupStatus s) {
    return serving(s.desiredReplicas()).test(s);
  }

  private static String hpa(HpaStatus h) {
    if (h.desiredReplicas() == 0 && h.currentReplicas() > 0) {
      return "has " + h.currentReplicas() + ", no metrics yet";
    }
    return h.isScaling()
        ? h.currentReplicas() + " -> " + h.desiredReplicas()
        : "steady at " + h.currentReplicas();
  }

  /**
   * Polls {@code status} until {@code done} holds, printing a line whenever {@link #line} changes.
   *
   * @param what what is awaited, for the timeout message
   * @return the first status that satisfies {@code done}
   * @throws ReadinessTimeoutException when {@code timeout} passes first
   */
  public GroupStatus await(
      String group,
      String what,
      Supplier<Optional<GroupStatus>> status,
      Predicate<GroupStatus> done,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    GroupStatus lastStatus = null;
    while (true) {
      Optional<GroupStatus> s = status.get();
      if (s.isPresent()) {
        String now = line(s.get());
        if (!now.equals(last)) {
          console.line("    %s", now);
          last = now;
        }
        lastStatus = s.get();
        if (done.test(s.get())) {
          return s.get();
        }
      }
      if (System.nanoTime() >= deadline) {
        throw new ReadinessTimeoutException(group, what, lastStatus);
      }
      pause(POLL);
    }
  }

  /**
   * Sleeps between polls of a main program.
   *
   * @throws IllegalStateException when interrupted (the flag is kept)
   */
  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
