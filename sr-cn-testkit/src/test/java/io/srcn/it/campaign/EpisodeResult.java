package io.srcn.it.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * What one episode found: the violated invariants (empty when it passed; each names the scenario it
 * was found after, or the episode's end) and how many checks it made.
 *
 * <p>Used by one scenario thread, then read.
 */
final class EpisodeResult {
  private final EpisodePlan plan;
  private final String namespace;
  private final List<String> violations = new ArrayList<>();
  private final java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();
  private long checks;
  private long phaseStart = System.nanoTime();
  private int round = -1;

  EpisodeResult(EpisodePlan plan, String namespace) {
    this.plan = plan;
    this.namespace = namespace;
  }

  /** The scenario (round) now running, or -1 after the last one. */
  void round(int round) {
    this.round = round;
  }

  void violation(String v) {
    violations.add((round < 0 ? "[end] " : "[scenario " + round + "] ") + v);
  }

  void violations(List<String> vs) {
    vs.forEach(this::violation);
  }

  void checks(long n) {
    checks += n;
  }

  /** Ends the current phase, adding its time under {@code name}; the next phase starts now. */
  void phase(String name) {
    long now = System.nanoTime();
    phases.merge(name, (now - phaseStart) / 1_000_000L, Long::sum);
    phaseStart = now;
  }

  /** The phases' durations in milliseconds. */
  java.util.Map<String, Long> phases() {
    return java.util.Map.copyOf(phases);
  }

  long checks() {
    return checks;
  }

  boolean passed() {
    return violations.isEmpty();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** The failure report: the seed to replay, the plan, what was violated. */
  String report() {
    return "episode seed "
        + plan.seed()
        + " (replay: -Dsrcn.campaign.seed="
        + plan.seed()
        + ") in namespace "
        + namespace
        + "\n  plan: "
        + plan
        + "\n  phases (ms): "
        + phases
        + "\n  violations:\n    "
        + String.join("\n    ", violations);
  }
}
