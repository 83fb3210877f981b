package io.srcn.examples.bench;

import io.srcn.sdk.ComputeNodeController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The FE cost of the engine, from the fake FE's statement log, with the controller running: ADD
 * statements per scale-out event of k pods, and DROP statements per scale-in of the same k pods
 * (one group scaled from 1 to 1+k through {@code /scale} and back, 10 times per k), and SHOW
 * COMPUTE NODES per resync over N registered groups (averaged over 10 resyncs). Aims: 1 ADD per
 * scale event; 1 SHOW per FE cluster per resync whatever the number of groups.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.FrontendCostBenchmark} ({@code --quick}: fewer sizes).
 */
public final class FrontendCostBenchmark {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final int EVENTS = 10;
  private static final String DROP = "ALTER SYSTEM DROP COMPUTE NODE";

  private FrontendCostBenchmark() {}

  /** Prints the table; {@code --quick} measures fewer sizes. */
  public static void main(String[] args) {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    Report.header("FrontendCostBenchmark", "FE statements (fake FE statement log)");
    Report.row("operation", "avg", "min", "max", "DROP avg", "load");
    for (int k : quick ? new int[] {1, 3} : new int[] {1, 3, 10, 30}) {
      scaleEvents(k);
    }
    for (int n : quick ? new int[] {1, 10} : new int[] {1, 10, 100}) {
      resyncs(n);
    }
  }

  private static void scaleEvents(int k) {
    try (BenchCluster c = new BenchCluster()) {
      c.apply(c.autoscaled("g", 1 + k));
      try (ComputeNodeController controller = c.controller(Duration.ofSeconds(30))) {
        BenchCluster.await(WAIT, "first registration", () -> c.registered() == 1);
        List<Double> adds = new ArrayList<>();
        List<Double> drops = new ArrayList<>();
        for (int i = 0; i < EVENTS + 2; i++) {
          c.fe.clearStatements();
          c.scale("g", 1 + k);
          BenchCluster.await(WAIT, "scale-out", () -> c.registered() == 1 + k);
          c.scale("g", 1);
          BenchCluster.await(WAIT, "scale-in", () -> c.registered() == 1);
          // the fake FE logs a statement just after it took effect: count once the DROP is logged
          BenchCluster.await(WAIT, "the DROP in the log", () -> c.count(DROP) >= 1);
          if (i >= 2) { // two warm-up events
            adds.add((double) c.adds());
            drops.add((double) c.count(DROP));
          }
        }
        Report.row(
            "ADD per scale-out of " + k + " pod" + (k == 1 ? "" : "s"),
            avg(adds),
            (long) Report.percentile(adds, 0),
            (long) Report.percentile(adds, 100),
            avg(drops),
            Report.load());
      }
    }
  }

  private static void resyncs(int groups) {
    try (BenchCluster c = new BenchCluster()) {
      for (int i = 0; i < groups; i++) {
        c.apply(c.fixed("g" + i, 1));
      }
      try (ComputeNodeController controller = c.controller(Duration.ofMillis(500))) {
        BenchCluster.await(WAIT, "registration", () -> c.registered() == groups);
        long settled = controller.metrics().frontendListings();
        BenchCluster.await(
            WAIT, "settling", () -> controller.metrics().frontendListings() >= settled + 2);
        c.fe.clearStatements();
        long start = controller.metrics().frontendListings();
        BenchCluster.await(
            WAIT, "10 resyncs", () -> controller.metrics().frontendListings() >= start + 10);
        long shows = c.shows();
        long alters = c.count("ALTER SYSTEM");
        long resyncs = controller.metrics().frontendListings() - start;
        Report.row(
            "SHOW per resync, " + groups + " group" + (groups == 1 ? "" : "s"),
            String.format("%.2f", (double) shows / resyncs),
            "",
            "",
            "ALTERs: " + alters,
            Report.load());
      }
    }
  }

  private static String avg(List<Double> values) {
    return String.format(
        "%.2f", values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }
}
