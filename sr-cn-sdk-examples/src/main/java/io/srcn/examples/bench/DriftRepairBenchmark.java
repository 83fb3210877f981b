package io.srcn.examples.bench;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How long the controller takes to repair an owned object changed behind its back: from the moment
 * the benchmark's own write returned until the object is back as rendered (polled with GETs every 2
 * ms). The controller's resync period is ten minutes, so the repair comes from the watch event
 * alone (through the default batch window). Five changes: (a) delete the HPA of an autoscaled
 * group, (b) change the Service's port, (c) scale a fixed-size group's StatefulSet by hand, (d)
 * delete the ConfigMap, (e) edit the PodDisruptionBudget. Aim: under 1 s.
 *
 * <p>Run: {@code java -cp sr-cn-sdk-examples/target/srcn.jar
 * io.srcn.examples.bench.DriftRepairBenchmark 5} (samples per change; default 5). {@link
 * ApiCostBenchmark} runs it too.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class DriftRepairBenchmark {
  private static final String NS = BenchCluster.NS;

  private DriftRepairBenchmark() {}

  /** Prints the table; the argument is the number of samples per change (default 5). */
  public static void main(String[] args) {
    Report.header("DriftRepairBenchmark", "repair latency of owned objects changed by hand");
    run(args.length == 0 ? 5 : Integer.parseInt(args[0]));
  }

  /** Measures {@code samples} repairs of each change and prints one row per change. */
  static void run(int samples) {
    Report.row("change (resync 10 min: events only)", "samples", "p50", "max", "load");
    try (BenchCluster c = new BenchCluster()) {
      c.apply(c.autoscaled("a", 3));
      c.apply(c.fixed("f", 1));
      try (ComputeNodeController controller = c.controller(Duration.ofMinutes(10))) {
        BenchCluster.await(Duration.ofMinutes(1), "registration", () -> c.registered() == 2);
        KubernetesClient k = c.k8s.client();
        measure(
            "(a) delete the HPA",
            samples,
            () -> hpa(k, "a").delete(),
            () -> hpa(k, "a").get() != null);
        measure(
            "(b) change the Service's port",
            samples,
            () ->
                service(k)
                    .edit(
                        s -> {
                          s.getSpec().getPorts().get(0).setPort(9999);
                          return s;
                        }),
            () -> servicePortsRendered(service(k).get()));
        measure(
            "(c) scale by hand, no autoscaling",
            samples,
            () -> c.k8s.client().apps().statefulSets().inNamespace(NS).withName("f-cn").scale(3),
            () -> replicas(k) == 1);
        measure(
            "(d) delete the ConfigMap",
            samples,
            () -> k.configMaps().inNamespace(NS).withName("f-cn-config").delete(),
            () -> k.configMaps().inNamespace(NS).withName("f-cn-config").get() != null);
        measure(
            "(e) edit the PodDisruptionBudget",
            samples,
            () ->
                pdb(k)
                    .edit(
                        p -> {
                          p.getSpec().setMaxUnavailable(new IntOrString(5));
                          return p;
                        }),
            () -> pdbRendered(pdb(k).get()));
      }
    }
  }

  private static void measure(String what, int samples, Runnable change, BooleanSupplier rendered) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      BenchCluster.await(Duration.ofSeconds(30), "settled before " + what, rendered);
      pause(200); // the previous repair's events are through
      change.run();
      long start = System.nanoTime();
      while (!rendered.getAsBoolean()) {
        if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
          throw new IllegalStateException("not repaired within 30 s: " + what);
        }
        pause(2);
      }
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Report.row(
        what,
        samples,
        Report.ms(Report.percentile(millis, 50)),
        Report.ms(Report.percentile(millis, 100)),
        Report.load());
  }

  private static boolean servicePortsRendered(Service s) {
    return s != null
        && s.getSpec().getPorts().size() == 1
        && s.getSpec().getPorts().get(0).getPort() == 9050;
  }

  private static boolean pdbRendered(PodDisruptionBudget p) {
    return p != null && Integer.valueOf(1).equals(p.getSpec().getMaxUnavailable().getIntVal());
  }

  private static int replicas(KubernetesClient k) {
    return k.apps().statefulSets().inNamespace(NS).withName("f-cn").get().getSpec().getReplicas();
  }

  private static io.fabric8.kubernetes.client.dsl.Resource<
          io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler>
      hpa(KubernetesClient k, String group) {
    return k.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(NS)
        .withName(group + "-cn-autoscaler");
  }

  private static io.fabric8.kubernetes.client.dsl.ServiceResource<Service> service(
      KubernetesClient k) {
    return k.services().inNamespace(NS).withName("f-cn-search");
  }

  private static io.fabric8.kubernetes.client.dsl.Resource<PodDisruptionBudget> pdb(
      KubernetesClient k) {
    return k.policy().v1().podDisruptionBudget().inNamespace(NS).withName("f-cn-pdb");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
