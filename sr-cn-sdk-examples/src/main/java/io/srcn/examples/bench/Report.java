package io.srcn.examples.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Printing for the engine benchmarks: a header naming the machine, JVM, date and load average, and
 * aligned table rows; plus percentiles.
 *
 * <p>Stateless and thread-safe.
 */
final class Report {
  private Report() {}

  /** Prints the benchmark's header line. */
  static void header(String benchmark, String what) {
    System.out.printf(
        Locale.ROOT,
        "%n== %s: %s%n   %d cores, Java %s (%s), %s, load average %s, controller batch window %d ms%n",
        benchmark,
        what,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        load(),
        BenchCluster.batchWindow().toMillis());
  }

  /** The one-minute system load average, e.g. {@code 3.41}. */
  static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
  }

  /** Prints one row: cells left-aligned, the first in 40 characters, the others in 14. */
  static void row(Object... cells) {
    StringBuilder sb = new StringBuilder("   ");
    for (int i = 0; i < cells.length; i++) {
      sb.append(String.format(Locale.ROOT, i == 0 ? "%-40s " : "%-14s ", cells[i]));
    }
    System.out.println(sb.toString().stripTrailing());
  }

  /** The {@code p}th percentile (nearest rank) of {@code values}. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  /** Heap in use after two full collections, in MiB. */
  static double heapAfterGcMiB() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
