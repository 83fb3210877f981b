package io.srcn.examples.bench;

import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Measures the SDK's FE client against {@link FakeFrontend} on loopback and prints the figures:
 *
 * <ol>
 *   <li>statements per registration of 1, 10 and 100 nodes, counted in the fake FE's statement log:
 *       on a fresh client (including Connector/J's session setup), on a warm client with new nodes,
 *       with half of the nodes already registered, and with all of them registered;
 *   <li>latency (p50/p99) of {@code add} of 1 and 10 new nodes and of {@code computeNodes} with 100
 *       registered nodes, on one warm client;
 *   <li>the time of the first call after the first of two FEs stopped (failover).
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -pl sr-cn-sdk-examples -am install -DskipTests && mvn -B -q -pl
 * sr-cn-sdk-examples exec:java -Dexec.mainClass=io.srcn.examples.bench.FrontendClientBenchmark}.
 * Optional argument: the number of measured iterations (default 2000).
 */
public final class FrontendClientBenchmark {
  private static int serial;

  private FrontendClientBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    System.out.printf(
        Locale.ROOT,
        "FrontendClientBenchmark: java %s, %s %s, %d cpus, FakeFrontend V3_3 on loopback%n%n",
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors());
    statementsPerRegistration();
    latencies(iterations);
    failover();
  }

  private static void statementsPerRegistration() {
    System.out.println(
        "Statements per registration (ADD / SHOW COMPUTE NODES / total incl. setup)");
    System.out.println(
        "nodes  fresh client        warm, all new   warm, half present  warm, all present");
    StringBuilder setup = new StringBuilder();
    for (int k : new int[] {1, 10, 100}) {
      try (FakeFrontend fe = quietFe()) {
        String fresh;
        try (FrontendClient c = FrontendClient.create(fe.frontend())) {
          fresh = counted(fe, () -> c.add(nodes(k)));
          if (k == 1) {
            fe.statements()
                .forEach(st -> setup.append("  ").append(abbreviate(st.sql())).append('\n'));
          }
        }
        try (FrontendClient c = FrontendClient.create(fe.frontend())) {
          c.computeNodes(); // connect; the session setup is not part of the warm figures
          String warmNew = counted(fe, () -> c.add(nodes(k)));
          List<HostPort> half = nodes(k);
          c.add(half.subList(0, (k + 1) / 2));
          String warmHalf = counted(fe, () -> c.add(half));
          String warmAll = counted(fe, () -> c.add(half));
          System.out.printf(
              Locale.ROOT, "%5d  %-18s  %-14s  %-18s  %s%n", k, fresh, warmNew, warmHalf, warmAll);
        }
      }
    }
    System.out.println("Statements of a fresh client's first registration of 1 node:");
    System.out.println(setup);
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 100 ? sql : sql.substring(0, 100) + "...";
  }

  private static String counted(FakeFrontend fe, Runnable call) {
    fe.clearStatements();
    call.run();
    List<StatementRecord> log = fe.statements();
    long adds = log.stream().filter(s -> s.sql().startsWith("ALTER SYSTEM ADD")).count();
    long shows = log.stream().filter(s -> s.sql().startsWith("SHOW COMPUTE NODES")).count();
    return adds + " / " + shows + " / " + log.size();
  }

  private static void latencies(int iterations) {
    System.out.println("Latency on one warm client (" + iterations + " measured calls each)");
    try (FakeFrontend fe = quietFe();
        FrontendClient c = FrontendClient.create(fe.frontend())) {
      report("add 1 new node", iterations, () -> addThenDrop(c, 1));
      report("add 10 new nodes", iterations, () -> addThenDrop(c, 10));
      c.add(nodes(99));
      List<HostPort> present = nodes(1);
      c.add(present);
      report("add 1 present node (ADD+SHOW)", iterations, () -> timed(() -> c.add(present)));
      report("computeNodes, 100 nodes", iterations, () -> timed(c::computeNodes));
    }
    System.out.println();
  }

  /** Times an add of k new nodes, then drops them untimed so the FE stays at the same size. */
  private static long addThenDrop(FrontendClient c, int k) {
    List<HostPort> fresh = nodes(k);
    long t = timed(() -> c.add(fresh));
    c.drop(fresh);
    return t;
  }

  private static long timed(Runnable call) {
    long t0 = System.nanoTime();
    call.run();
    return System.nanoTime() - t0;
  }

  /** Warms up, then prints percentiles of {@code n} samples. */
  private static void report(String what, int n, LongSupplier sample) {
    for (int i = 0; i < Math.max(500, n / 2); i++) {
      sample.getAsLong();
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      nanos[i] = sample.getAsLong();
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-32s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms%n",
        what,
        nanos[n / 2] / 1e6,
        nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
        nanos[n - 1] / 1e6);
  }

  private static void failover() {
    System.out.println("Failover: first call after the first of two FEs stopped (20 runs)");
    long[] nanos = new long[20];
    for (int r = 0; r < nanos.length; r++) {
      try (FakeFrontend fe1 = quietFe();
          FakeFrontend fe2 = quietFe();
          FrontendClient c =
              FrontendClient.create(Frontend.at(List.of(fe1.address(), fe2.address())))) {
        c.computeNodes();
        fe1.stop();
        long t0 = System.nanoTime();
        c.add(nodes(1));
        nanos[r] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "add 1 node via the second FE        p50 %7.3f ms   max %7.3f ms%n",
        nanos[nanos.length / 2] / 1e6,
        nanos[nanos.length - 1] / 1e6);
  }

  private static FakeFrontend quietFe() {
    return FakeFrontend.builder()
        .heartbeatInterval(Duration.ofSeconds(5))
        .statementLogCapacity(100_000)
        .build()
        .start();
  }

  private static List<HostPort> nodes(int k) {
    int base = serial;
    serial += k;
    return IntStream.range(base, base + k)
        .mapToObj(i -> HostPort.of("g-cn-" + i + ".g-cn-search.ns.svc.cluster.local", 9050))
        .toList();
  }
}
