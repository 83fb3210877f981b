package io.srcn.examples.bench;

import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.testkit.k8s.RequestLog;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Kubernetes API cost of the engine, from the mock API server's request log: requests by verb
 * for a first deploy of a group through its handle (apply and first registration pass), a no-op
 * re-deploy of the same spec, and a controller resync over N unchanged, registered groups (averaged
 * over ten resyncs after three to settle). The controller decides drift of the five owned kinds
 * from its informer caches, so a resync of unchanged groups should make no request at all; leader
 * election is off here, so there are no Lease renewals to count. The resync is measured only once
 * the Kubernetes Events of the registration burst are posted (the controller's {@code
 * eventsPending} metric is 0); the burst's own cost is a row of its own: every request from
 * controller start until the event queue drained, the Event creates and count patches among them,
 * and the events dropped. Then the repair latency of objects changed by hand ({@link
 * DriftRepairBenchmark}). Aims: no-op re-deploy 0 writes; resync 0 requests; repairs under 1 s.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.ApiCostBenchmark 10 100 1000} (group counts for the resync; default 10
 * 100).
 */
public final class ApiCostBenchmark {
  private static final Set<String> READS = Set.of("get", "list", "watch");
  private static final Duration RESYNC = Duration.ofMillis(500);

  private ApiCostBenchmark() {}

  /** Prints the table; arguments are group counts for the resync (default 10 100). */
  public static void main(String[] args) {
    Report.header("ApiCostBenchmark", "Kubernetes requests by verb (mock API server log)");
    Report.row("operation", "requests", "writes", "by verb", "load");
    deploys();
    for (String a : args.length == 0 ? new String[] {"10", "100"} : args) {
      resync(Integer.parseInt(a));
    }
    DriftRepairBenchmark.run(5);
  }

  private static void deploys() {
    try (BenchCluster c = new BenchCluster()) {
      RequestLog log = c.k8s.requests();
      for (int i = 0; i < 3; i++) { // warm up; discovery is once per client
        deploy(c, c.fixed("warm" + i, 2)).close();
      }
      ComputeNodeGroupSpec spec = c.fixed("g", 2);
      log.reset();
      ComputeNodeGroup first = deploy(c, spec);
      print("first deploy (handle)", log.countsByVerb(), 1);
      BenchCluster.await(Duration.ofSeconds(60), "registration", () -> first.reconcile().isReady());
      first.close();
      log.reset();
      deploy(c, spec).close();
      print("no-op re-deploy (handle)", log.countsByVerb(), 1);
    }
  }

  private static ComputeNodeGroup deploy(BenchCluster c, ComputeNodeGroupSpec spec) {
    return spec.deploy(c.k8s.client(), CredentialsResolver.literalOnly());
  }

  private static void resync(int groups) {
    try (BenchCluster c = new BenchCluster()) {
      for (int i = 0; i < groups; i++) {
        c.apply(c.fixed("g" + i, 1));
      }
      RequestLog log = c.k8s.requests();
      log.reset();
      long started = System.nanoTime();
      LongAdder recorded = new LongAdder();
      try (ComputeNodeController controller =
          c.controller(RESYNC, BenchCluster.batchWindow(), e -> recorded.increment())) {
        BenchCluster.await(
            Duration.ofMinutes(2 + groups / 100), "registration", () -> c.registered() == groups);
        // the Events of the registration burst are posted in the background: at rest starts only
        // once they are all posted (issue 19: at 1,000 groups they were the whole resync cost)
        BenchCluster.await(
            Duration.ofMinutes(2 + groups / 100),
            "event queue drained",
            () -> controller.metrics().eventsPending() == 0);
        burst(groups, log, controller.metrics(), recorded.sum(), started);
        // let the first passes and a few resyncs settle
        long start = controller.metrics().frontendListings();
        BenchCluster.await(
            Duration.ofMinutes(2),
            "settling",
            () -> controller.metrics().frontendListings() >= start + 3);
        log.reset();
        long eventRequestsBefore = controller.metrics().eventRequests();
        long before = controller.metrics().frontendListings();
        BenchCluster.await(
            Duration.ofMinutes(2),
            "10 resyncs",
            () -> controller.metrics().frontendListings() >= before + 10);
        long resyncs = controller.metrics().frontendListings() - before;
        print("resync, " + groups + " groups (per resync)", log.countsByVerb(), resyncs);
        print("  per group per resync", log.countsByVerb(), resyncs * groups);
        System.out.println(
            "     by resource, total over the resyncs: "
                + log.countsByResource()
                + "; event requests meanwhile: "
                + (controller.metrics().eventRequests() - eventRequestsBefore));
      }
    }
  }

  /**
   * The registration burst from controller start until the event queue drained: all requests, and
   * those for Events (creates and count patches; the recorder reads nothing for them).
   */
  private static void burst(
      int groups,
      RequestLog log,
      ComputeNodeController.Metrics metrics,
      long recorded,
      long startedNanos) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    long creates = log.count("create", "events");
    long patches = log.count("patch", "events");
    Report.row(
        "registration burst, " + groups + " groups",
        log.count() + " requests",
        (creates + patches) + " for events",
        "{recorded="
            + recorded
            + ", create="
            + creates
            + ", patch="
            + patches
            + ", dropped="
            + metrics.eventsDropped()
            + "}",
        "drained in " + String.format(Locale.ROOT, "%.1f s", seconds),
        Report.load());
    System.out.println(
        "     by resource, total over the burst: "
            + log.countsByResource()
            + "; StatefulSet GETs: "
            + log.count("get", "statefulsets"));
  }

  private static void print(String what, Map<String, Long> byVerb, long per) {
    Map<String, Long> verbs = new TreeMap<>(byVerb);
    verbs.remove("watch");
    long total = verbs.values().stream().mapToLong(Long::longValue).sum();
    long writes =
        verbs.entrySet().stream()
            .filter(e -> !READS.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Map<String, String> avg = new TreeMap<>();
    verbs.forEach((v, n) -> avg.put(v, fmt((double) n / per)));
    avg.putIfAbsent("list", "0");
    Report.row(what, fmt((double) total / per), fmt((double) writes / per), avg, Report.load());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
