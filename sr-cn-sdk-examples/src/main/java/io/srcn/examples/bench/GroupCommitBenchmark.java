package io.srcn.examples.bench;

import io.srcn.sdk.ComputeNodeController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Group commit against the fixed batch window, side by side in one run on one testkit pair: for
 * each modelled FE statement latency (0 ms, the fake FE's own speed, and 20 ms, a stand-in for an
 * FE leader that writes an edit-log entry per node: {@code SystemInfoService.addComputeNode} calls
 * {@code EditLog.logAddComputeNode}, StarRocks {@code
 * fe/fe-core/src/main/java/com/starrocks/system/SystemInfoService.java}), and for each controller
 * setting (group commit with the default settling 100 ms window, which slides while the group's
 * events keep coming, up to 1 s; with the fixed 100 ms window of before and with a window of 0; the
 * fixed 100 ms window and a window of 0 without group commit), a fresh controller on the same
 * groups measures the registration latency at N groups (rounds of scaling every group 1 to 3 and
 * back, as {@link RegistrationLatencyBenchmark}, with the ADD statements and the Kubernetes API
 * requests per round of 2N pods, the benchmark's own 2N {@code /scale} writes included) and the ADD
 * statements per scale-out event of 10 and of 30 pods of one group (as {@link
 * FrontendCostBenchmark}), with the event's arrivals ({@link Arrivals}: how far apart its pods
 * turned Ready, and the first pod's Ready to registered). The settings take turns within each
 * latency, so a change of machine load hits all of them alike.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.GroupCommitBenchmark 100} (group count; default 100).
 *
 * <p>Not thread-safe; a main program.
 */
public final class GroupCommitBenchmark {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final int WARM_UP_ROUNDS = 2;
  private static final int ROUNDS = 2;
  private static final int EVENTS = 5;

  /**
   * A controller setting; {@code fixedWindow} waits out the window after every event (the rule
   * before the settling window, {@code -Dsrcn.fixedBatchWindow=true}), otherwise only while the
   * group is settling.
   */
  private record Setting(
      String name, Duration window, boolean groupCommit, boolean fixedWindow, boolean sliding) {
    Setting(String name, Duration window, boolean groupCommit, boolean fixedWindow) {
      this(name, window, groupCommit, fixedWindow, true);
    }
  }

  private static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              "group commit, settling window 100 ms, sliding to 1 s (default)",
              Duration.ofMillis(100),
              true,
              false),
          new Setting("group commit, fixed window 100 ms", Duration.ofMillis(100), true, true),
          new Setting(
              "group commit, settling window 100 ms, not sliding",
              Duration.ofMillis(100),
              true,
              false,
              false),
          new Setting("group commit, window 0", Duration.ZERO, true, true),
          new Setting("fixed window 100 ms, no group commit", Duration.ofMillis(100), false, true),
          new Setting("window 0, no group commit", Duration.ZERO, false, true),
          new Setting(
              "group commit, settling window 50 ms, sliding to 500 ms",
              Duration.ofMillis(50),
              true,
              false),
          new Setting(
              "group commit, settling window 25 ms, sliding to 250 ms",
              Duration.ofMillis(25),
              true,
              false));

  private GroupCommitBenchmark() {}

  /** Prints the table; the argument is the group count (default 100). */
  public static void main(String[] args) {
    int groups = args.length == 0 ? 100 : Integer.parseInt(args[0]);
    Report.header("GroupCommitBenchmark", "registration: group commit vs batch window");
    Report.row(
        "setting",
        "FE latency",
        "samples",
        "p50",
        "p99",
        "ADD/round",
        "k8s req/round",
        "ADD/10 pods",
        "ADD/30 pods",
        "spread 10/30",
        "1st pass 10/30",
        "load");
    try (BenchCluster c = new BenchCluster()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < groups; i++) {
        names.add("g" + i);
        c.apply(c.autoscaled("g" + i, 3));
      }
      c.apply(c.autoscaled("big", 31));
      for (long latency : latencies()) {
        c.fe.setLatency(Duration.ofMillis(latency));
        for (Setting s : settings()) {
          measure(c, names, s, latency);
        }
      }
    }
  }

  /**
   * The settings measured, by their position in the table: {@code -Dsrcn.bench.settings=0,1,2}
   * (default: all).
   */
  private static List<Setting> settings() {
    String list = System.getProperty("srcn.bench.settings");
    if (list == null || list.isBlank()) {
      return SETTINGS;
    }
    return java.util.Arrays.stream(list.split(","))
        .map(x -> SETTINGS.get(Integer.parseInt(x.trim())))
        .toList();
  }

  /** The modelled FE latencies in ms: {@code -Dsrcn.bench.feLatencies=0,20} (the default). */
  private static long[] latencies() {
    String list = System.getProperty("srcn.bench.feLatencies", "0,20");
    return java.util.Arrays.stream(list.split(","))
        .mapToLong(x -> Long.parseLong(x.trim()))
        .toArray();
  }

  private static void measure(BenchCluster c, List<String> names, Setting s, long latency) {
    System.setProperty("srcn.groupCommit", Boolean.toString(s.groupCommit()));
    System.setProperty("srcn.fixedBatchWindow", Boolean.toString(s.fixedWindow()));
    System.setProperty("srcn.slidingBatchWindow", Boolean.toString(s.sliding()));
    try (ComputeNodeController controller = c.controller(Duration.ofSeconds(30), s.window())) {
      BenchCluster.await(WAIT, "first registrations", () -> c.registered() == names.size() + 1);
      List<Double> samples = new ArrayList<>();
      long roundAdds = 0;
      long roundRequests = 0;
      for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
        c.fe.clearStatements();
        c.k8s.requests().reset();
        List<Double> measured = RegistrationLatencyBenchmark.round(c, names, 1);
        if (round >= WARM_UP_ROUNDS) {
          samples.addAll(measured);
          roundAdds += c.adds(); // the round ends after its DROPs: every ADD is logged by then
          roundRequests += c.k8s.requests().count();
        }
      }
      Events ten = events(c, names.size(), 10);
      Events thirty = events(c, names.size(), 30);
      Report.row(
          s.name(),
          latency + " ms",
          samples.size(),
          Report.ms(Report.percentile(samples, 50)),
          Report.ms(Report.percentile(samples, 99)),
          String.format(Locale.ROOT, "%.1f", (double) roundAdds / ROUNDS),
          String.format(Locale.ROOT, "%.0f", (double) roundRequests / ROUNDS),
          String.format(Locale.ROOT, "%.2f", ten.adds()),
          String.format(Locale.ROOT, "%.2f", thirty.adds()),
          Report.ms(ten.spreadMs()) + " / " + Report.ms(thirty.spreadMs()),
          Report.ms(ten.firstPassMs()) + " / " + Report.ms(thirty.firstPassMs()),
          Report.load());
    }
  }

  /**
   * Per scale-out event of {@code k} pods: the ADD statements (average), the Ready spread of the
   * new pods and the first pod's Ready to registered (medians, ms).
   */
  private record Events(double adds, double spreadMs, double firstPassMs) {}

  /** {@value #EVENTS} scale-outs of group {@code big} by {@code k} pods (and back), measured. */
  private static Events events(BenchCluster c, int others, int k) {
    int base = others + 1;
    double total = 0;
    List<Double> spreads = new ArrayList<>();
    List<Double> passes = new ArrayList<>();
    for (int i = 0; i < EVENTS + 1; i++) {
      c.fe.clearStatements();
      c.k8s.statefulSets().clearHistory();
      c.scale("big", 1 + k);
      BenchCluster.await(WAIT, "scale-out", () -> c.registered() == base + k);
      // the simulator appends to its history on its own thread, a moment after the store changed
      BenchCluster.await(WAIT, "the history", () -> Arrivals.readyCount(c, "big", 1, k) == k);
      Arrivals arrivals = Arrivals.of(c, "big", 1, k);
      c.scale("big", 1);
      BenchCluster.await(WAIT, "scale-in", () -> c.registered() == base);
      long adds = c.adds(); // counted once the DROP went through: every ADD is logged by then
      if (i >= 1) { // one warm-up event
        total += adds;
        spreads.add(arrivals.spreadMs());
        passes.add(arrivals.firstPassMs());
      }
    }
    return new Events(
        total / EVENTS, Report.percentile(spreads, 50), Report.percentile(passes, 50));
  }
}
