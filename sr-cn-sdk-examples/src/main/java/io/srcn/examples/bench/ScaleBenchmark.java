package io.srcn.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import io.srcn.sdk.ComputeNodeController;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Scale: N groups of 3 pods under one controller on the testkit (everything in this JVM: mock API
 * server, simulators, fake FE, controller). The groups' objects are applied first and their pods
 * become Ready; then the controller starts, and the benchmark times how long it takes until all 3N
 * nodes are registered, counts the Kubernetes requests and FE statements it took, the process CPU
 * time spent (and its share of the machine's cores over that time: a run starved by other processes
 * shows a low share, see docs/PERFORMANCE.md "Group commit"), and the heap in use after a full GC,
 * before the controller started and once all nodes are registered. Aim at 1,000 groups: under 60 s
 * and 512 MB on 2 cores.
 *
 * <p>Run: {@code java -Xmx1g -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.ScaleBenchmark 10 100 1000} (group counts; default 10 100 1000).
 */
public final class ScaleBenchmark {
  private static final int PODS = 3;

  private ScaleBenchmark() {}

  /** Prints the table; arguments are group counts (default 10 100 1000). */
  public static void main(String[] args) {
    Report.header("ScaleBenchmark", "N groups x 3 pods under one controller, all in one JVM");
    Report.row(
        "groups",
        "apply",
        "register all",
        "CPU",
        "CPU share",
        "k8s requests",
        "FE statements",
        "heap before",
        "heap after",
        "load");
    for (String a : args.length == 0 ? new String[] {"10", "100", "1000"} : args) {
      run(Integer.parseInt(a));
    }
  }

  private static void run(int groups) {
    try (BenchCluster c = new BenchCluster()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < groups; i++) {
        c.apply(c.fixed("g" + i, PODS));
      }
      BenchCluster.await(Duration.ofMinutes(10), "pods Ready", () -> readyPods(c) == groups * PODS);
      double apply = seconds(System.nanoTime() - t0);
      double heapBefore = Report.heapAfterGcMiB();
      c.k8s.requests().reset();
      c.fe.clearStatements();
      long cpu0 = cpuNanos();
      long t1 = System.nanoTime();
      try (ComputeNodeController controller = c.controller(Duration.ofSeconds(30))) {
        BenchCluster.await(
            Duration.ofMinutes(10), "registration", () -> c.registered() == groups * PODS);
        double register = seconds(System.nanoTime() - t1);
        double cpu = seconds(cpuNanos() - cpu0);
        long requests = c.k8s.requests().count();
        long statements = c.fe.statements().size();
        double heapAfter = Report.heapAfterGcMiB();
        Report.row(
            groups,
            fmt("%.1f s", apply),
            fmt("%.1f s", register),
            fmt("%.1f s", cpu),
            fmt("%.0f %%", 100 * cpu / (register * Runtime.getRuntime().availableProcessors())),
            requests,
            statements,
            fmt("%.0f MiB", heapBefore),
            fmt("%.0f MiB", heapAfter),
            Report.load());
      }
    }
  }

  private static long readyPods(BenchCluster c) {
    return c.k8s.client().pods().inNamespace(BenchCluster.NS).list().getItems().stream()
        .filter(
            p ->
                p.getStatus() != null
                    && p.getStatus().getConditions() != null
                    && p.getStatus().getConditions().stream()
                        .anyMatch(x -> "Ready".equals(x.getType()) && "True".equals(x.getStatus())))
        .count();
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String fmt(String pattern, double v) {
    return String.format(Locale.ROOT, pattern, v);
  }
}
