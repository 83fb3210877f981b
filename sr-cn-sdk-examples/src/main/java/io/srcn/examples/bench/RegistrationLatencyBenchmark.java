package io.srcn.examples.bench;

import io.srcn.sdk.ComputeNodeController;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.k8s.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registration latency with the controller running: from a pod turning Ready (the StatefulSet
 * simulator's {@code POD_READY} time, stamped when the store changed) to its ADD completing in the
 * fake FE ({@code FakeComputeNode.addedAt()}), at 1, 10 and 100 groups. Each round scales every
 * group from 1 to 3 replicas through {@code /scale} (as the HPA does), waits until the 2 new pods
 * of every group are registered, then scales back to 1 and waits until they are dropped. The
 * controller runs with its defaults (4 workers, 30 s resync), so every sample is event-driven.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.RegistrationLatencyBenchmark 1 10 100} (group counts; default 1 10 100).
 */
public final class RegistrationLatencyBenchmark {
  private static final int SAMPLES = 200;
  private static final int WARM_UP_ROUNDS = 5;
  private static final Duration WAIT = Duration.ofMinutes(2);

  private RegistrationLatencyBenchmark() {}

  /** Prints the table; arguments are group counts (default 1 10 100). */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1, 10, 100} : parse(args);
    Report.header(
        "RegistrationLatencyBenchmark",
        "pod Ready -> ADD completed in the FE (controller running)");
    Report.row("groups", "samples", "p50", "p99", "max", "load");
    for (int n : sizes) {
      List<Double> ms = run(n);
      Report.row(
          n,
          ms.size(),
          Report.ms(Report.percentile(ms, 50)),
          Report.ms(Report.percentile(ms, 99)),
          Report.ms(Report.percentile(ms, 100)),
          Report.load());
    }
  }

  /** The latencies (ms) of at least {@value #SAMPLES} registrations with {@code groups} groups. */
  static List<Double> run(int groups) {
    try (BenchCluster c = new BenchCluster()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < groups; i++) {
        names.add("g" + i);
        c.apply(c.autoscaled("g" + i, 10));
      }
      try (ComputeNodeController controller = c.controller(Duration.ofSeconds(30))) {
        BenchCluster.await(WAIT, "first registrations", () -> c.registered() == groups);
        List<Double> samples = new ArrayList<>();
        int rounds = WARM_UP_ROUNDS + (int) Math.ceil(SAMPLES / (2.0 * groups));
        for (int round = 0; round < rounds; round++) {
          List<Double> measured = round(c, names, 0);
          if (round >= WARM_UP_ROUNDS) {
            samples.addAll(measured);
          }
        }
        return samples;
      }
    }
  }

  /**
   * One round: scales every group of {@code names} from 1 to 3 and back; returns the latencies (ms)
   * of the 2 new pods of each group. {@code others} nodes of other groups stay registered.
   */
  static List<Double> round(BenchCluster c, List<String> names, int others) {
    c.k8s.statefulSets().clearHistory();
    names.forEach(g -> c.scale(g, 3));
    BenchCluster.await(
        WAIT, "scale-out registrations", () -> c.registered() == 3 * names.size() + others);
    // the simulator appends to its history on its own thread, a moment after the store changed
    // (a count of Ready transitions is not enough: under load one pod's may lag while another's
    // counts twice)
    BenchCluster.await(
        WAIT,
        "the history",
        () -> {
          List<Transition> h = c.k8s.statefulSets().history();
          return names.stream().allMatch(g -> Arrivals.readyCount(h, g, 1, 2) == 2);
        });
    List<Transition> history = c.k8s.statefulSets().history();
    List<Double> out = new ArrayList<>();
    for (String g : names) {
      for (int i = 1; i <= 2; i++) {
        FakeComputeNode node = c.node(g, i);
        String pod = g + "-cn-" + i;
        Instant ready =
            readyBefore(history, pod, node.addedAt())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            pod
                                + " registered at "
                                + node.addedAt()
                                + " without turning Ready before; its history: "
                                + history.stream().filter(t -> t.name().equals(pod)).toList()));
        out.add(Duration.between(ready, node.addedAt()).toNanos() / 1e6);
      }
    }
    names.forEach(g -> c.scale(g, 1));
    BenchCluster.await(WAIT, "scale-in drops", () -> c.registered() == names.size() + others);
    return out;
  }

  private static Optional<Instant> readyBefore(List<Transition> history, String pod, Instant t) {
    Instant last = null;
    for (Transition tr : history) {
      if (tr.type() == Transition.Type.POD_READY
          && tr.name().equals(pod)
          && !tr.time().isAfter(t)) {
        last = tr.time();
      }
    }
    return Optional.ofNullable(last);
  }

  private static int[] parse(String[] args) {
    int[] out = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = Integer.parseInt(args[i]);
    }
    return out;
  }
}
