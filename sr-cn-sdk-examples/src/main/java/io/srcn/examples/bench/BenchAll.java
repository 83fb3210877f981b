package io.srcn.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark, each in a fresh JVM (so one benchmark's heap, JIT state and threads cannot
 * colour the next one's figures), and prints their tables one after the other. Exits 1 when one of
 * them fails.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar io.srcn.examples.bench.BenchAll}
 * (everything, about 15 minutes on 2 cores), {@code --engine} (only the engine benchmarks of issue
 * 9: registration latency, API cost, FE cost, scale, and group commit against the batch window),
 * {@code --quick} (the engine benchmarks at small sizes, about 2 minutes), {@code --group-commit}
 * (issue 19 section 1: {@link GroupCommitBenchmark} and {@value #SCALE_PAIRS} pairs of {@code
 * ScaleBenchmark 100} with group commit on and off taking turns) or {@code --scale} (issue 19
 * section 3: only {@link ScaleSandboxBenchmark} at 100, 1,000 and 10,000 groups with the testkit in
 * a separate process, writing {@code docs/perf/scale-10000.csv} and {@code .svg} under the working
 * directory; about 30 minutes on 2 cores, most of it setting up the 10,000 groups).
 *
 * <p>Not thread-safe; a main program.
 */
public final class BenchAll {
  private record Run(Class<?> benchmark, String maxHeap, List<String> args, List<String> jvm) {
    Run(Class<?> benchmark, String maxHeap, List<String> args) {
      this(benchmark, maxHeap, args, List.of());
    }
  }

  /** Pairs of {@code ScaleBenchmark 100} runs, group commit on and off taking turns. */
  private static final int SCALE_PAIRS = 3;

  private BenchAll() {}

  /** Runs the benchmarks; see the class comment for the options. */
  public static void main(String[] args) throws IOException, InterruptedException {
    String mode = args.length == 0 ? "--all" : args[0];
    List<Run> runs = plan(mode);
    if (runs == null) {
      System.err.println("usage: BenchAll [--all|--engine|--quick|--group-commit|--scale]");
      System.exit(2);
      return;
    }
    List<String> failed = new ArrayList<>();
    long started = System.nanoTime();
    for (Run run : runs) {
      int rc = fork(run);
      if (rc != 0) {
        failed.add(run.benchmark().getSimpleName() + " (exit " + rc + ")");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d benchmarks in %.0f s%s%n",
        runs.size(),
        (System.nanoTime() - started) / 1e9,
        failed.isEmpty() ? "" : ", failed: " + failed);
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  private static List<Run> plan(String mode) {
    List<Run> engine =
        switch (mode) {
          case "--quick" ->
              List.of(
                  new Run(RegistrationLatencyBenchmark.class, "512m", List.of("1", "10")),
                  new Run(ApiCostBenchmark.class, "512m", List.of("10")),
                  new Run(FrontendCostBenchmark.class, "512m", List.of("--quick")),
                  new Run(ScaleBenchmark.class, "512m", List.of("10", "100")));
          case "--group-commit" -> groupCommit();
          case "--scale" ->
              List.of(
                  new Run(
                      ScaleSandboxBenchmark.class,
                      "1g",
                      List.of("--out", "docs/perf/scale-10000", "100", "1000", "10000")));
          case "--all", "--engine" ->
              List.of(
                  new Run(RegistrationLatencyBenchmark.class, "512m", List.of("1", "10", "100")),
                  new Run(ApiCostBenchmark.class, "1g", List.of("10", "100", "1000")),
                  new Run(FrontendCostBenchmark.class, "512m", List.of()),
                  new Run(ScaleBenchmark.class, "1g", List.of("10", "100", "1000")),
                  new Run(GroupCommitBenchmark.class, "1g", List.of("100")));
          default -> null;
        };
    if (engine == null || !mode.equals("--all")) {
      return engine;
    }
    List<Run> all = new ArrayList<>(engine);
    all.add(new Run(SpecBenchmark.class, "512m", List.of()));
    all.add(new Run(ApplyCostBenchmark.class, "512m", List.of()));
    all.add(new Run(MockKubernetesBenchmark.class, "512m", List.of()));
    all.add(new Run(FrontendClientBenchmark.class, "512m", List.of()));
    all.add(new Run(FakeFrontendBenchmark.class, "512m", List.of()));
    return all;
  }

  /**
   * Issue 19 section 1: {@link GroupCommitBenchmark}, then {@link ScaleBenchmark} at 100 groups
   * with group commit on and off ({@code -Dsrcn.groupCommit}) taking turns, each in a fresh JVM.
   */
  private static List<Run> groupCommit() {
    List<Run> runs = new ArrayList<>();
    runs.add(new Run(GroupCommitBenchmark.class, "1g", List.of("100")));
    for (int i = 0; i < SCALE_PAIRS; i++) {
      for (boolean on : new boolean[] {true, false}) {
        runs.add(
            new Run(
                ScaleBenchmark.class, "1g", List.of("100"), List.of("-Dsrcn.groupCommit=" + on)));
      }
    }
    return runs;
  }

  private static int fork(Run run) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + run.maxHeap());
    command.addAll(run.jvm());
    if (!run.jvm().isEmpty()) {
      System.out.printf(Locale.ROOT, "%n-- %s with %s", run.benchmark().getSimpleName(), run.jvm());
      System.out.flush();
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(run.benchmark().getName());
    command.addAll(run.args());
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
