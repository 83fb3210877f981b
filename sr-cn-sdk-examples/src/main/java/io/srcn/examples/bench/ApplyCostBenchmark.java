package io.srcn.examples.bench;

import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupNotFoundException;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes API cost of applying through {@link ComputeNodeClient}: requests by verb (and
 * their latency on the in-process mock API server) for a first apply, a no-op re-apply, a plan, a
 * config change and a delete of a group with autoscaling (five objects). The delete goes through a
 * handle ({@code group(ns, name).delete()}): it reads the recorded spec and marks the StatefulSet
 * suspended before deleting, so it costs more requests than the bare object deletes it replaced;
 * "delete again" measures the handle's lookup of a group that is gone. The request counts are what
 * a real cluster would see too; the times are the mock's and only compare operations with each
 * other.
 *
 * <p>Run: {@code mvn -q -am -pl sr-cn-sdk-examples install -DskipTests} then {@code mvn -q -pl
 * sr-cn-sdk-examples exec:java -Dexec.mainClass=io.srcn.examples.bench.ApplyCostBenchmark
 * -Dexec.args=50} (the argument is the number of timed rounds, default 30).
 */
public final class ApplyCostBenchmark {
  private static final String NS = "bench";

  private ApplyCostBenchmark() {}

  /** Prints the table. The optional argument is the number of timed rounds (default 30). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    System.out.printf(
        "ApplyCostBenchmark: %d rounds, %d cores, Java %s%n",
        rounds, Runtime.getRuntime().availableProcessors(), Runtime.version());
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NS).build().start();
        ComputeNodeClient session = ComputeNodeClient.create(k8s.client())) {
      RequestLog log = k8s.requests();
      log.reset();
      session.plan(spec("discovery"));
      print("API discovery + plan (once per session)", Map.copyOf(log.countsByVerb()), List.of());

      Map<String, List<Long>> times = new TreeMap<>();
      Map<String, Map<String, Long>> costs = new TreeMap<>();
      for (int i = 0; i < rounds + 3; i++) {
        String group = "g" + i;
        ComputeNodeGroupSpec spec = spec(group);
        boolean warm = i >= 3;
        measure(log, "1 first apply", warm, times, costs, () -> session.apply(spec));
        measure(log, "2 no-op re-apply", warm, times, costs, () -> session.apply(spec));
        measure(log, "3 plan (no change)", warm, times, costs, () -> session.plan(spec));
        ComputeNodeGroupSpec changed = spec.config("sys_log_level", "WARN");
        measure(log, "4 config change", warm, times, costs, () -> session.apply(changed));
        measure(log, "5 delete", warm, times, costs, () -> session.group(NS, group).delete());
        measure(log, "6 delete again", warm, times, costs, () -> deleteAgain(session, group));
      }
      costs.forEach((op, verbs) -> print(op.substring(2), verbs, times.get(op)));
    }
  }

  private static void deleteAgain(ComputeNodeClient session, String group) {
    try {
      session.group(NS, group).delete();
    } catch (GroupNotFoundException expected) {
      // the group is gone: what this step measures is the cost of finding that out
    }
  }

  private static void measure(
      RequestLog log,
      String op,
      boolean record,
      Map<String, List<Long>> times,
      Map<String, Map<String, Long>> costs,
      Runnable action) {
    log.reset();
    long start = System.nanoTime();
    action.run();
    long micros = (System.nanoTime() - start) / 1000;
    if (record) {
      times.computeIfAbsent(op, k -> new ArrayList<>()).add(micros);
      costs.put(op, new TreeMap<>(log.countsByVerb()));
    }
  }

  private static void print(String op, Map<String, Long> verbs, List<Long> micros) {
    long total = verbs.values().stream().mapToLong(Long::longValue).sum();
    String timing =
        micros.isEmpty()
            ? ""
            : String.format(
                "  median %.2f ms, p90 %.2f ms",
                percentile(micros, 50) / 1000.0, percentile(micros, 90) / 1000.0);
    System.out.printf("%-34s %2d requests %-40s%s%n", op, total, new TreeMap<>(verbs), timing);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static ComputeNodeGroupSpec spec(String group) {
    return ComputeNodeGroups.create(group)
        .inNamespace(NS)
        .image("starrocks/cn-ubuntu:3.3.5")
        .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
        .config("sys_log_level", "INFO")
        .autoscale(
            Autoscaling.between(1, 10)
                .onCpu(60)
                .onMemory(30)
                .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                .scaleDownDisabled());
  }
}
