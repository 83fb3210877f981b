package io.srcn.examples.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures {@link MockKubernetes}: the cost of a fresh fake FE + mock API server + client per test
 * (what {@code @CnTestkit} pays per method), the time a 3-replica StatefulSet takes to become
 * Ready, and requests per second the mock serves for get, list (100 objects) and server-side apply
 * on 1 and 4 threads.
 *
 * <pre>
 * java -cp ... io.srcn.examples.bench.MockKubernetesBenchmark [--rounds 40] [--seconds 5]
 * </pre>
 *
 * <p>Not thread-safe; a main program.
 */
public final class MockKubernetesBenchmark {
  private static final String NS = "bench";

  private MockKubernetesBenchmark() {}

  /** Runs the benchmark and prints the figures. */
  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int rounds = Integer.parseInt(option(a, "--rounds", "40"));
    int seconds = Integer.parseInt(option(a, "--seconds", "5"));
    System.out.printf(
        Locale.ROOT,
        "MockKubernetes benchmark: Java %s, %d CPUs, %d rounds, %d s per rate%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        rounds,
        seconds);
    perTestCost(rounds);
    readiness(Math.max(5, rounds / 4));
    throughput(seconds);
  }

  private static void perTestCost(int rounds) {
    int warmup = Math.max(5, rounds / 4);
    List<Double> pair = new ArrayList<>();
    List<Double> k8sOnly = new ArrayList<>();
    List<Double> stops = new ArrayList<>();
    for (int i = 0; i < warmup + rounds; i++) {
      long t0 = System.nanoTime();
      FakeFrontend fe = FakeFrontend.create().start();
      MockKubernetes k8s = MockKubernetes.builder().namespaces(NS).build().start();
      fe.setReachability(k8s.reachability());
      fe.setResolver(k8s.dnsResolver());
      k8s.client().configMaps().inNamespace(NS).list();
      long t1 = System.nanoTime();
      k8s.close();
      fe.close();
      long t2 = System.nanoTime();
      MockKubernetes alone = MockKubernetes.builder().namespaces(NS).build().start();
      alone.client().configMaps().inNamespace(NS).list();
      alone.close();
      long t3 = System.nanoTime();
      if (i >= warmup) {
        pair.add(ms(t1 - t0));
        stops.add(ms(t2 - t1));
        k8sOnly.add(ms(t3 - t2));
      }
    }
    System.out.println();
    System.out.println(
        "Fresh servers per test (warm JVM, " + rounds + " rounds after " + warmup + " warm-up):");
    row("FE + API server + client + first request", pair);
    row("stop both", stops);
    row("API server + client + request + stop (alone)", k8sOnly);
    List<Double> total = new ArrayList<>();
    for (int i = 0; i < pair.size(); i++) {
      total.add(pair.get(i) + stops.get(i));
    }
    row("total per test (start + stop)", total);
  }

  private static void readiness(int rounds) {
    List<Double> ready = new ArrayList<>();
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NS).build().start()) {
      KubernetesClient client = k8s.client();
      for (int i = 0; i < rounds + 3; i++) {
        String name = "sts-" + i;
        long t0 = System.nanoTime();
        client.resource(statefulSet(name, 3)).inNamespace(NS).serverSideApply();
        client
            .apps()
            .statefulSets()
            .inNamespace(NS)
            .withName(name)
            .waitUntilReady(30, TimeUnit.SECONDS);
        if (i >= 3) {
          ready.add(ms(System.nanoTime() - t0));
        }
        client.apps().statefulSets().inNamespace(NS).withName(name).delete();
      }
    }
    System.out.println();
    System.out.println(
        "StatefulSet of 3 (Parallel, 20 ms ready delay): apply -> waitUntilReady returns:");
    row("apply + waitUntilReady", ready);
  }

  private static void throughput(int seconds) throws Exception {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NS).build().start()) {
      KubernetesClient client = k8s.client();
      for (int i = 0; i < 100; i++) {
        client.resource(configMap("cm-" + i, "v")).inNamespace(NS).serverSideApply();
      }
      AtomicInteger counter = new AtomicInteger();
      Map<String, Runnable> ops = new java.util.LinkedHashMap<>();
      ops.put(
          "get (one ConfigMap)", () -> client.configMaps().inNamespace(NS).withName("cm-7").get());
      ops.put("list (100 ConfigMaps)", () -> client.configMaps().inNamespace(NS).list());
      ops.put(
          "list with set selector (1 of 100)",
          () -> client.configMaps().inNamespace(NS).withLabelIn("n", "cm-7", "x").list());
      ops.put(
          "server-side apply (update)",
          () ->
              client
                  .resource(
                      configMap("cm-" + (counter.get() % 100), "v" + counter.incrementAndGet()))
                  .inNamespace(NS)
                  .serverSideApply());
      System.out.println();
      System.out.println(
          "Requests per second (one server, shared client, "
              + seconds
              + " s each, after a 1 s warm-up of every operation):");
      System.out.printf(Locale.ROOT, "  %-40s %12s %12s%n", "operation", "1 thread", "4 threads");
      for (Runnable op : ops.values()) {
        rate(op, 4, 1);
      }
      for (Map.Entry<String, Runnable> op : ops.entrySet()) {
        rate(op.getValue(), 1, 1);
        double one = rate(op.getValue(), 1, seconds);
        double four = rate(op.getValue(), 4, seconds);
        System.out.printf(Locale.ROOT, "  %-40s %12.0f %12.0f%n", op.getKey(), one, four);
      }
    }
  }

  private static double rate(Runnable op, int threads, int seconds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    op.run();
                    done.increment();
                  }
                } finally {
                  finished.countDown();
                }
              },
              "bench-" + t);
      worker.start();
    }
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    stop.set(true);
    finished.await();
    return done.sum() / ((System.nanoTime() - t0) / 1e9);
  }

  private static ConfigMap configMap(String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("n", name)
        .endMetadata()
        .addToData("k", value)
        .build();
  }

  private static StatefulSet statefulSet(String name, int replicas) {
    Map<String, String> labels = Map.of("app", name);
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name + "-search")
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("cn")
        .withImage("starrocks/cn-ubuntu:3.3.5")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static void row(String label, List<Double> samples) {
    List<Double> s = new ArrayList<>(samples);
    Collections.sort(s);
    double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "  %-48s mean %7.1f ms  p50 %7.1f ms  p90 %7.1f ms%n",
        label,
        mean,
        s.get(s.size() / 2),
        s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.9))));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
