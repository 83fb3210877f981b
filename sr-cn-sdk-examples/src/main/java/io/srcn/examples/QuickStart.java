package io.srcn.examples;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The quick-start as one program to copy: on the embedded testkit (a fake StarRocks FE and a mock
 * Kubernetes API server in this process; no cluster, no FE), it starts the embedded controller,
 * deploys the seed's autoscaling group (1..10 pods on CPU 60 % and memory 30 %, one pod per period;
 * here a 2 s period on the HPA simulator's manual clock, and scale-down enabled), raises a
 * simulated CPU load until the HPA runs 4 pods and the controller has registered each with the FE,
 * lowers it until one pod is left and the others' nodes are dropped, deletes the group and prints
 * the final status.
 *
 * <p>Self-contained: it uses only the public API of sr-cn-sdk and sr-cn-testkit, so it can be
 * pasted into a project with those two dependencies. The same steps against a real cluster and FE
 * are {@code srcn quickstart --kubeconfig ... --fe ...} (README, "Quick start").
 *
 * <p>A main program; {@link #run(PrintStream)} is the same thing for tests. Thread-safe: every run
 * starts its own servers on free ports.
 */
public final class QuickStart {
  private static final String NAMESPACE = "starrocks";
  private static final Duration PERIOD = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * What the quick-start saw. Immutable and thread-safe.
   *
   * @param peakNodes the FE's nodes at the peak (4 pods)
   * @param endNodes the FE's nodes once scaled back in (1 pod)
   * @param afterDelete the FE's nodes after the delete (none)
   */
  public record Result(List<String> peakNodes, List<String> endNodes, List<String> afterDelete) {
    /** Copies the lists. */
    public Result {
      peakNodes = List.copyOf(peakNodes);
      endNodes = List.copyOf(endNodes);
      afterDelete = List.copyOf(afterDelete);
    }
  }

  private final PrintStream out;
  private final long start = System.nanoTime();

  private QuickStart(PrintStream out) {
    this.out = out;
  }

  /** Runs the quick-start on standard output; exits with 1 when it fails. */
  public static void main(String[] args) {
    try {
      run(System.out);
    } catch (RuntimeException e) {
      System.err.println("quick-start failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the quick-start, printing on {@code out}. */
  public static Result run(PrintStream out) {
    return new QuickStart(out).run();
  }

  /** The seed's policy, with a 2 s period and scale-down enabled. */
  public static Autoscaling policy() {
    return Autoscaling.between(1, 10)
        .onCpu(60)
        .onMemory(30)
        .scaleUp(ScalingRule.pods(1).every(PERIOD))
        .scaleDown(ScalingRule.pods(1).every(PERIOD))
        .scaleDownStabilization(Duration.ZERO);
  }

  private Result run() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NAMESPACE).build().start();
        FakeFrontend fe =
            FakeFrontend.builder()
                .heartbeatInterval(Duration.ofMillis(100))
                .reachability(k8s.reachability())
                .resolver(k8s.dnsResolver())
                .build()
                .start();
        ComputeNodeClient cn =
            ComputeNodeClient.builder(k8s.client())
                .credentialsResolver((credentials, ns) -> fe.frontend().credentials())
                .build();
        ComputeNodeController controller = cn.controller().namespace(NAMESPACE).build().start()) {
      line(
          "fake FE on %s, mock Kubernetes on %s; controller watching %s",
          fe.address(), k8s.url(), NAMESPACE);
      ComputeNodeGroupSpec spec =
          ComputeNodeGroups.create("analytics")
              .inNamespace(NAMESPACE)
              .image("starrocks/cn-ubuntu:3.3.5")
              .autoscale(policy())
              .registerWith(fe.frontend());
      ComputeNodeGroup group = cn.deploy(spec);
      line("deployed %s: %s", spec.name(), group.awaitReady(WAIT).summary());

      line(
          "load: 240 %% CPU of one pod's request, spread over the pods; the HPA adds a pod a period");
      List<String> peak = loadUntil(k8s, fe, controller, spec, 240, 4);
      line("4 pods serve; the FE lists %s", peak);

      line("load: 30 %% CPU; the HPA removes a pod a period, the controller drops their nodes");
      List<String> end = loadUntil(k8s, fe, controller, spec, 30, 1);
      line("1 pod serves; the FE lists %s", end);

      group.delete();
      List<String> gone = addresses(fe);
      line(
          "deleted; the FE lists %s; final status:",
          gone.isEmpty() ? "no node of the group" : gone);
      out.println(group.status().toTable());
      return new Result(peak, end, gone);
    }
  }

  /**
   * Sets the load ({@code cpuPercent} of one pod's request in total, spread over the pods, as the
   * HPA simulator sees it) and ticks the simulator's clock one period at a time until the
   * controller reports {@code pods} pods Ready and registered; returns the FE's nodes then.
   */
  private List<String> loadUntil(
      MockKubernetes k8s,
      FakeFrontend fe,
      ComputeNodeController controller,
      ComputeNodeGroupSpec spec,
      int cpuPercent,
      int pods) {
    Predicate<GroupStatus> done =
        s -> s.isReady() && s.readyReplicas() == pods && s.registeredCount() == pods;
    long deadline = System.nanoTime() + WAIT.toNanos();
    GroupStatus last = null;
    while (last == null || !done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no " + pods + " pods within " + WAIT + ": " + last.summary());
      }
      int current = Math.max(1, readyPods(k8s, spec));
      k8s.hpa()
          .setCpuUtilization(NAMESPACE, spec.objectNames().statefulSet(), cpuPercent / current);
      k8s.hpa().setMemoryUtilization(NAMESPACE, spec.objectNames().statefulSet(), 20 / current);
      k8s.hpa().tick(PERIOD);
      last = awaitStatus(controller, spec);
      line("    %s", last.summary());
    }
    return addresses(fe);
  }

  /**
   * The controller's status once it has settled for a moment (polled every 200 ms, at most 2 s).
   */
  private static GroupStatus awaitStatus(
      ComputeNodeController controller, ComputeNodeGroupSpec spec) {
    GroupStatus status = null;
    for (int i = 0; i < 10; i++) {
      pause(Duration.ofMillis(200));
      status = controller.status(NAMESPACE, spec.name()).orElse(status);
      if (status != null && status.isReady()) {
        break;
      }
    }
    return status == null ? controller.status(NAMESPACE, spec.name()).orElseThrow() : status;
  }

  private static int readyPods(MockKubernetes k8s, ComputeNodeGroupSpec spec) {
    StatefulSet sts =
        k8s.client()
            .apps()
            .statefulSets()
            .inNamespace(NAMESPACE)
            .withName(spec.objectNames().statefulSet())
            .get();
    return sts == null || sts.getStatus() == null || sts.getStatus().getReadyReplicas() == null
        ? 0
        : sts.getStatus().getReadyReplicas();
  }

  private static List<String> addresses(FakeFrontend fe) {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void line(String format, Object... args) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "[%5.1fs] %s%n", elapsed, String.format(Locale.ROOT, format, args));
    out.flush();
  }
}
