package io.srcn.examples.bench;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures {@link FakeFrontend}: start-to-ready time on a warm JVM, Connector/J connect+auth time,
 * and statements per second for {@code SELECT 1} and for {@code SHOW COMPUTE NODES} with 100 nodes
 * (21 columns, 3.3 profile) on 1 and 16 connections. Optionally runs the same workloads against a
 * real MySQL/MariaDB server for comparison.
 *
 * <pre>
 * java -cp ... io.srcn.examples.bench.FakeFrontendBenchmark [--seconds 5] [--warmup 5]
 *     [--external-fe jdbc:mysql://127.0.0.1:9030/]   (a fake FE in another JVM, e.g. the jar)
 *     [--mariadb jdbc:mysql://127.0.0.1:3306/ --mariadb-user root --mariadb-password '']
 * </pre>
 *
 * <p>Against MariaDB the 100-row workload reads a 100-row x 21-column table {@code srcn_bench.cn},
 * which the benchmark creates. Not thread-safe; a main program.
 */
public final class FakeFrontendBenchmark {
  private static final String JDBC_OPTIONS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true";

  private final Duration run;

  private FakeFrontendBenchmark(Duration run) {
    this.run = run;
  }

  /** Runs the benchmark and prints the figures. */
  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int seconds = Integer.parseInt(option(a, "--seconds", "5"));
    int warmup = Integer.parseInt(option(a, "--warmup", "5"));
    FakeFrontendBenchmark bench = new FakeFrontendBenchmark(Duration.ofSeconds(seconds));
    System.out.printf(
        Locale.ROOT,
        "FakeFrontend benchmark: Java %s, %d CPUs, %s s per rate%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        seconds);
    bench.startToReady();
    List<List<String>> rows;
    try (FakeFrontend fe =
        FakeFrontend.builder().version(FeVersion.V3_3).statementLogCapacity(0).build().start()) {
      for (int i = 0; i < 100; i++) {
        fe.addComputeNode("cn-" + i + ".cn-search.starrocks.svc.cluster.local", 9050);
      }
      fe.heartbeatNow();
      String url = fe.jdbcUrl() + JDBC_OPTIONS;
      rows = table(url, "root", "", "SHOW COMPUTE NODES");
      // JIT warm-up of client and server code paths before any figure is taken (the client
      // side is shared by every target, so later targets would otherwise start warmer)
      for (String sql : List.of("SELECT 1", "SHOW COMPUTE NODES")) {
        measure(url, "root", "", sql, 1, Duration.ofSeconds(warmup));
        measure(url, "root", "", sql, 4, Duration.ofSeconds(warmup));
      }
      bench.connectAuth("fake FE", url, "root", "");
      bench.rates("fake FE", url, "root", "", "SHOW COMPUTE NODES");
    }
    String external = option(a, "--external-fe", null);
    if (external != null) { // e.g. the standalone jar: server and client in separate JVMs
      String url = external + JDBC_OPTIONS;
      addNodes(url, "root", "", rows);
      bench.connectAuth("ext. FE", url, "root", "");
      bench.rates("ext. FE", url, "root", "", "SHOW COMPUTE NODES");
    }
    String mariadb = option(a, "--mariadb", null);
    if (mariadb != null) {
      String user = option(a, "--mariadb-user", "root");
      String password = option(a, "--mariadb-password", "");
      String url = mariadb + JDBC_OPTIONS;
      prepareTable(url, user, password, rows);
      bench.connectAuth("MariaDB", url, user, password);
      bench.rates("MariaDB", url, user, password, "SELECT * FROM srcn_bench.cn");
    }
  }

  private static void addNodes(String url, String user, String password, List<List<String>> rows)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, props(user, password));
        Statement s = c.createStatement()) {
      for (List<String> row : rows.subList(1, rows.size())) {
        s.executeUpdate("ALTER SYSTEM ADD COMPUTE NODE '" + row.get(1) + ":" + row.get(2) + "'");
      }
    }
  }

  /** The labels (first row) and values of a result set. */
  private static List<List<String>> table(String url, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, props(user, password));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> out = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        labels.add(rs.getMetaData().getColumnLabel(i));
      }
      out.add(labels);
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  private void startToReady() throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      long t0 = System.nanoTime();
      FakeFrontend fe = FakeFrontend.builder().build().start();
      long t1 = System.nanoTime();
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", fe.port())) {
        s.getInputStream().read(); // the greeting's first byte: it serves
      }
      fe.close();
      if (i >= 50) {
        millis.add((t1 - t0) / 1e6);
      }
    }
    print("start-to-ready (warm, build+start)", millis);
  }

  private void connectAuth(String target, String url, String user, String password)
      throws SQLException {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url, props(user, password))) {
        if (i >= 200) {
          millis.add((System.nanoTime() - t0) / 1e6);
        }
      }
    }
    print(target + " connect+auth (Connector/J, incl. session set-up)", millis);
  }

  private void rates(String target, String url, String user, String password, String rows)
      throws Exception {
    for (int connections : new int[] {1, 16}) {
      rate(target, url, user, password, "SELECT 1", connections);
      rate(target, url, user, password, rows, connections);
    }
  }

  private void rate(
      String target, String url, String user, String password, String sql, int connections)
      throws Exception {
    measure(url, user, password, sql, connections, Duration.ofSeconds(2)); // warm-up
    double perSecond = measure(url, user, password, sql, connections, run);
    System.out.printf(
        Locale.ROOT,
        "%-8s %-30s %2d conn: %,10.0f statements/s%n",
        target,
        sql,
        connections,
        perSecond);
  }

  private static double measure(
      String url, String user, String password, String sql, int connections, Duration duration)
      throws Exception {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch ready = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < connections; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, props(user, password));
                    Statement s = c.createStatement()) {
                  ready.countDown();
                  go.await();
                  while (!stop.get()) {
                    readAll(s, sql);
                    done.increment();
                  }
                } catch (Exception e) {
                  failures.add(e);
                  ready.countDown();
                }
              });
      t.start();
      threads.add(t);
    }
    ready.await();
    long t0 = System.nanoTime();
    go.countDown();
    Thread.sleep(duration.toMillis());
    stop.set(true);
    long count = done.sum();
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return count / seconds;
  }

  private static void readAll(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getString(i);
        }
      }
    }
  }

  /** A MariaDB table holding exactly the fake FE's SHOW COMPUTE NODES result (same bytes). */
  private static void prepareTable(
      String url, String user, String password, List<List<String>> rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, props(user, password));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS srcn_bench");
      s.execute("DROP TABLE IF EXISTS srcn_bench.cn");
      StringBuilder ddl = new StringBuilder("CREATE TABLE srcn_bench.cn (");
      List<String> labels = rows.get(0);
      for (int i = 0; i < labels.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append('`').append(labels.get(i)).append("` VARCHAR(255)");
      }
      s.execute(ddl.append(')').toString());
      for (List<String> row : rows.subList(1, rows.size())) {
        StringBuilder insert = new StringBuilder("INSERT INTO srcn_bench.cn VALUES (");
        for (int i = 0; i < row.size(); i++) {
          String v = row.get(i);
          insert.append(i == 0 ? "" : ", ").append(v == null ? "NULL" : "'" + v + "'");
        }
        s.execute(insert.append(')').toString());
      }
    }
  }

  private static Properties props(String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  private static void print(String what, List<Double> millis) {
    double[] v = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%-55s median %.3f ms, p90 %.3f ms, p99 %.3f ms (n=%d)%n",
        what,
        v[v.length / 2],
        v[(int) (v.length * 0.9)],
        v[(int) (v.length * 0.99)],
        v.length);
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
