package io.srcn.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scale with the testkit in a separate process (issue 19 section 3): for each N, a fresh {@link
 * SandboxProcess} (the standalone launcher's {@code sandbox}: mock API server, pod simulation and
 * fake FE) holds N groups x 3 pods, applied over HTTP with the SDK and all Ready BEFORE the
 * controller starts; then one {@link ComputeNodeController} starts in this JVM and the benchmark
 * measures the time to {@code start()} returning, to every group's first pass (every group has a
 * status), to every pod registered, this process's CPU time over that span and its heap after a
 * full GC once everything is registered (the controller still running), plus the Kubernetes
 * requests and FE statements it took (from the launcher's admin API). It prints the growth ratios
 * between successive sizes and writes the series as CSV and an SVG chart.
 *
 * <p>Run: {@code java -Xmx1g -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.ScaleSandboxBenchmark [--out docs/perf/scale-10000] 100 1000 10000} (group
 * counts; default 100 1000 10000). {@code -Xmx1g} is the point: the target is a heap under 1 GiB at
 * 10,000 groups. {@code -Dsrcn.bench.sandboxHeap=4g} sets the launcher's heap.
 *
 * <p>Not thread-safe; a main program.
 */
public final class ScaleSandboxBenchmark {
  static final String NS = "bench";
  private static final int PODS = 3;

  private ScaleSandboxBenchmark() {}

  /** One row of the series. */
  record Row(
      int groups,
      double setupSeconds,
      double startSeconds,
      double firstPassSeconds,
      double registerSeconds,
      double cpuSeconds,
      double sandboxCpuSeconds,
      double heapMiB,
      long k8sRequests,
      long feStatements,
      String load) {}

  /** Prints the table and ratios; writes {@code <out>.csv} and {@code <out>.svg}. */
  public static void main(String[] args) throws Exception {
    Path out = null;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        out = Path.of(args[++i]);
      } else if (args[i].equals("--chart")) {
        Path csv = Path.of(args[++i]);
        String name = csv.toString().replaceAll("\\.csv$", "");
        ScaleChart.writeSvg(ScaleChart.readCsv(csv), Path.of(name + ".svg"));
        System.out.println("   wrote " + name + ".svg from " + csv);
        return;
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100, 1000, 10000);
    }
    Report.header(
        "ScaleSandboxBenchmark",
        "N groups x 3 pods, one controller in this JVM (max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB), testkit in a separate process");
    Report.row(
        "groups",
        "setup",
        "start()",
        "first pass",
        "register all",
        "CPU",
        "sandbox CPU",
        "heap after GC",
        "k8s requests",
        "FE statements",
        "load");
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      Row r = run(n);
      rows.add(r);
      Report.row(
          r.groups(),
          fmt("%.1f s", r.setupSeconds()),
          fmt("%.2f s", r.startSeconds()),
          fmt("%.1f s", r.firstPassSeconds()),
          fmt("%.1f s", r.registerSeconds()),
          fmt("%.1f s", r.cpuSeconds()),
          fmt("%.1f s", r.sandboxCpuSeconds()),
          fmt("%.0f MiB", r.heapMiB()),
          r.k8sRequests(),
          r.feStatements(),
          r.load());
      if (out != null) { // after every row, so a long series keeps what it measured
        ScaleChart.writeCsv(rows, Path.of(out + ".csv"));
        ScaleChart.writeSvg(rows, Path.of(out + ".svg"));
      }
    }
    printRatios(rows);
    if (out != null) {
      System.out.println("   wrote " + out + ".csv and " + out + ".svg");
    }
  }

  private static void printRatios(List<Row> rows) {
    for (int i = 1; i < rows.size(); i++) {
      Row a = rows.get(i - 1);
      Row b = rows.get(i);
      System.out.printf(
          Locale.ROOT,
          "   growth %d -> %d groups (x%.0f): register all x%.1f, first pass x%.1f, CPU x%.1f,"
              + " heap x%.1f, k8s requests x%.1f, FE statements x%.1f (load %s)%n",
          a.groups(),
          b.groups(),
          (double) b.groups() / a.groups(),
          b.registerSeconds() / a.registerSeconds(),
          b.firstPassSeconds() / a.firstPassSeconds(),
          b.cpuSeconds() / a.cpuSeconds(),
          b.heapMiB() / a.heapMiB(),
          (double) b.k8sRequests() / a.k8sRequests(),
          (double) b.feStatements() / a.feStatements(),
          Report.load());
    }
  }

  static Row run(int groups) throws Exception {
    String sandboxHeap = System.getProperty("srcn.bench.sandboxHeap", "4g");
    try (SandboxProcess sandbox =
        SandboxProcess.start(NS, sandboxHeap, Math.max(100_000, groups * 20))) {
      Config config =
          Config.fromKubeconfig(Files.readString(sandbox.kubeconfig, StandardCharsets.UTF_8));
      Frontend frontend = Frontend.at(sandbox.fe).credentials(Credentials.of("root", ""));
      long t0 = System.nanoTime();
      setup(config, frontend, groups);
      double applied = seconds(System.nanoTime() - t0);
      long deadline = Math.max(600, groups / 5L);
      BenchCluster.await(
          Duration.ofSeconds(deadline),
          "pods Ready",
          () ->
              sleepThen(500, () -> sandbox.get("/k8s/pods?namespace=" + NS, "ready"))
                  >= (long) groups * PODS);
      double ready = seconds(System.nanoTime() - t0);
      double idle = awaitIdle(sandbox, Duration.ofSeconds(deadline));
      double setup = seconds(System.nanoTime() - t0);
      System.out.printf(
          Locale.ROOT,
          "   setup of %d groups: objects applied in %.1f s, all pods Ready %.1f s later,"
              + " sandbox idle %.1f s later (%.0f %% of a core)%n",
          groups,
          applied,
          ready - applied,
          setup - ready,
          idle * 100);
      sandbox.delete("/k8s/requests");
      sandbox.delete("/statements");
      Report.heapAfterGcMiB();
      try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(config).build()) {
        long cpu0 = cpuNanos();
        long sandboxCpu0 = sandbox.cpuNanos();
        long s0 = System.nanoTime();
        ComputeNodeController controller =
            ComputeNodeController.builder(kube)
                .namespace(NS)
                .resyncPeriod(Duration.ofSeconds(30))
                .batchWindow(BenchCluster.batchWindow())
                .credentialsResolver((credentials, ns) -> frontend.credentials())
                .build()
                .start();
        try (controller) {
          double start = seconds(System.nanoTime() - s0);
          double[] firstPass = {Double.NaN};
          int[] polls = {0};
          BenchCluster.await(
              Duration.ofSeconds(deadline),
              "registration",
              () -> {
                // statuses() copies and sorts every status: at 10,000 groups, asked every 50 ms,
                // it was 14 % of this JVM's CPU samples; asked once a second (first pass +- 1 s)
                if (Double.isNaN(firstPass[0])
                    && ++polls[0] % 20 == 0
                    && controller.statuses().size() >= groups) {
                  firstPass[0] = seconds(System.nanoTime() - s0);
                }
                return sleepThen(50, () -> sandbox.get("/counts", "nodes")) >= (long) groups * PODS;
              });
          double register = seconds(System.nanoTime() - s0);
          double cpu = seconds(cpuNanos() - cpu0);
          double sandboxCpu = seconds(sandbox.cpuNanos() - sandboxCpu0);
          BenchCluster.await(
              Duration.ofSeconds(deadline),
              "first pass of every group",
              () -> sleepThen(200, () -> controller.statuses().size()) >= groups);
          if (Double.isNaN(firstPass[0])) {
            firstPass[0] = seconds(System.nanoTime() - s0);
          }
          long requests = sandbox.get("/k8s/requests", "count");
          System.out.println("   k8s requests by verb and resource: " + byVerbResource(sandbox));
          long statements = sandbox.get("/counts", "statements");
          double heap = Report.heapAfterGcMiB();
          return new Row(
              groups,
              setup,
              start,
              firstPass[0],
              register,
              cpu,
              sandboxCpu,
              heap,
              requests,
              statements,
              Report.load());
        }
      }
    }
  }

  /**
   * Waits until the sandbox has used less than a tenth of a core over two seconds (its simulated
   * controllers still write StatefulSet, Endpoints and PodDisruptionBudget status for a while after
   * the last pod turned Ready: at 10,000 groups a core for about a minute, which the controller's
   * span measured before); returns its last two-second share of a core.
   */
  private static double awaitIdle(SandboxProcess sandbox, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long cpu0 = sandbox.cpuNanos();
      long t0 = System.nanoTime();
      sleepThen(2000, () -> 0);
      double share = (double) (sandbox.cpuNanos() - cpu0) / (System.nanoTime() - t0);
      if (share < 0.1 || System.nanoTime() > deadline) {
        return share;
      }
    }
  }

  /**
   * Applies the groups' objects over HTTP with the SDK, 4 at a time, through a client of its own
   * (closed before the controller starts).
   */
  private static void setup(Config config, Frontend frontend, int groups) throws Exception {
    try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(config).build();
        ComputeNodeClient session = ComputeNodeClient.create(kube)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < groups; i = next.getAndIncrement()) {
                      session.apply(
                          ComputeNodeGroups.create("g" + i)
                              .inNamespace(NS)
                              .image("starrocks/cn-ubuntu:3.3.5")
                              .registerWith(frontend)
                              .replicas(PODS));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : workers) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** The launcher's {@code byVerbResource} object, e.g. {@code "get statefulsets":9375}. */
  private static String byVerbResource(SandboxProcess sandbox) {
    String json = sandbox.json("/k8s/requests");
    int at = json.indexOf("\"byVerbResource\":");
    return at < 0 ? "(not reported)" : json.substring(at + 17).trim().replaceAll("}}$", "}");
  }

  private static long sleepThen(long millis, java.util.function.LongSupplier value) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return value.getAsLong();
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static String fmt(String pattern, double v) {
    return String.format(Locale.ROOT, pattern, v);
  }
}
