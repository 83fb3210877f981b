package io.srcn.examples;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.SelectPolicy;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.HpaSimulator;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Autoscaling with the seed's exact policy, on the testkit's HPA simulator with a manual clock (so
 * the seed's 10 s periods cost no waiting): 1..10 pods on CPU 60 % and memory 30 %, scale up by one
 * pod per 10 s, scale-down disabled.
 *
 * <ol>
 *   <li>prints the HorizontalPodAutoscaler the SDK renders for that policy;
 *   <li>loads the group (240 % of one pod's CPU, spread over the ready pods): each 10 s tick adds
 *       one pod, and {@link ComputeNodeGroup#awaitReady} registers it with the FE;
 *   <li>removes the load: nothing happens, scale-down is disabled;
 *   <li>changes the policy at runtime ({@code update(s -> s.autoscale(...))}) to scale down one pod
 *       per 10 s after a 30 s stabilization window: the group shrinks to one pod and each removed
 *       pod's node is dropped from the FE.
 * </ol>
 *
 * <p>No controller here: the handle registers and drops nodes on each {@code awaitReady}. The
 * quick-start shows the controller doing it continuously instead.
 *
 * <p>A main program; {@link #run(PrintStream)} is the same thing for tests. Thread-safe: every run
 * starts its own servers on free ports. Self-contained: it needs only sr-cn-sdk and sr-cn-testkit,
 * so it can be copied as it is.
 */
public final class AutoscalingExample {
  private static final String NAMESPACE = "starrocks";
  private static final Duration PERIOD = Duration.ofSeconds(10);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int MAX_TICKS = 20;

  /**
   * What the example saw. Immutable and thread-safe.
   *
   * @param peak the largest number of pods serving
   * @param afterLoadDropped pods left once the load was gone, with scale-down still disabled
   * @param end pods at the end
   * @param feNodes the FE's nodes at the end
   * @param timeline one line per tick, for people
   */
  public record Result(
      int peak, int afterLoadDropped, int end, List<String> feNodes, List<String> timeline) {
    /** Copies the lists. */
    public Result {
      feNodes = List.copyOf(feNodes);
      timeline = List.copyOf(timeline);
    }
  }

  private final PrintStream out;
  private final long start = System.nanoTime();
  private final List<String> timeline = new ArrayList<>();
  private long simulatedSeconds;

  private AutoscalingExample(PrintStream out) {
    this.out = out;
  }

  /** Runs the example on standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing on {@code out}. */
  public static Result run(PrintStream out) {
    return new AutoscalingExample(out).run();
  }

  /** The seed's policy: quick scale-up, never scale down. */
  public static Autoscaling seedPolicy() {
    return Autoscaling.between(1, 10)
        .onCpu(60)
        .onMemory(30)
        .scaleUp(ScalingRule.pods(1).every(PERIOD))
        .scaleDownDisabled();
  }

  private Result run() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NAMESPACE).build().start();
        FakeFrontend fe =
            FakeFrontend.builder()
                .heartbeatInterval(Duration.ofMillis(100))
                .reachability(k8s.reachability())
                .resolver(k8s.dnsResolver())
                .build()
                .start()) {
      ComputeNodeGroupSpec spec =
          ComputeNodeGroups.create("analytics")
              .inNamespace(NAMESPACE)
              .image("starrocks/cn-ubuntu:3.3.5")
              .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
              .autoscale(seedPolicy())
              .registerWith(fe.frontend());
      printAutoscaler(k8s, spec);
      try (ComputeNodeGroup group = spec.deploy(k8s.client())) {
        Workload load = new Workload(k8s, spec);
        group.addListener(this::printEvent);
        group.awaitReady(WAIT);
        line("deployed: 1 pod serving; FE lists %s", addresses(fe));

        line("load: 240 %% CPU of one pod, spread over the ready pods");
        load.demand(240, 60);
        int peak = tickUntil(k8s, group, load, 4);
        line("scaled out to %d pods; FE lists %d nodes", peak, fe.computeNodes().size());

        line("load gone: 30 %% CPU; the seed's policy has scale-down disabled");
        load.demand(30, 20);
        int kept = tickTimes(k8s, group, load, 6);
        line("after 60 s of simulated time: still %d pods", kept);

        line("policy update: scale down 1 pod per 10 s after a 30 s stabilization window");
        group.update(s -> s.autoscale(withScaleDown(seedPolicy())));
        int end = tickUntil(k8s, group, load, 1);
        // one pod serves; the scaled-in pods may still be terminating: their nodes go once they do
        awaitSettled(group);
        line("scaled in to %d pod; FE lists %s", end, addresses(fe));
        return new Result(peak, kept, end, addresses(fe), List.copyOf(timeline));
      }
    }
  }

  private static Autoscaling withScaleDown(Autoscaling policy) {
    return policy
        .scaleDown(ScalingRule.pods(1).every(PERIOD))
        .scaleDownSelect(SelectPolicy.MAX)
        .scaleDownStabilization(Duration.ofSeconds(30));
  }

  private void printAutoscaler(MockKubernetes k8s, ComputeNodeGroupSpec spec) {
    HorizontalPodAutoscaler hpa = spec.render().autoscaler().orElseThrow();
    line("the seed's policy, as the SDK renders it:");
    block(k8s.client().getKubernetesSerialization().asYaml(hpa.getSpec()));
  }

  /** Ticks the HPA clock 10 s at a time until {@code pods} serve; returns how many serve. */
  private int tickUntil(MockKubernetes k8s, ComputeNodeGroup group, Workload load, int pods) {
    int serving = -1;
    for (int i = 0; i < MAX_TICKS && serving != pods; i++) {
      serving = tick(k8s, group, load);
    }
    return serving;
  }

  private int tickTimes(MockKubernetes k8s, ComputeNodeGroup group, Workload load, int n) {
    int serving = -1;
    for (int i = 0; i < n; i++) {
      serving = tick(k8s, group, load);
    }
    return serving;
  }

  /** One HPA sync 10 s later, then a registration pass until the group is ready. */
  private int tick(MockKubernetes k8s, ComputeNodeGroup group, Workload load) {
    load.spreadNow();
    k8s.hpa().tick(PERIOD);
    simulatedSeconds += PERIOD.getSeconds();
    GroupStatus s = group.awaitReady(WAIT);
    String line = "t=" + simulatedSeconds + "s " + summary(s);
    timeline.add(line);
    line("    %s", line);
    return s.readyReplicas();
  }

  private static List<String> addresses(FakeFrontend fe) {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }

  /** Reconciles until every desired pod serves and no scaled-in node is left to drop. */
  private void awaitSettled(ComputeNodeGroup group) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "";
    while (true) {
      GroupStatus s = group.reconcile();
      String now = summary(s);
      if (!now.equals(last)) {
        line("    %s", now);
        last = now;
      }
      if (s.isReady()
          && s.nodes().size() == s.desiredReplicas()
          && s.nodes().stream().allMatch(NodeStatus::isServing)
          && s.ghosts().isEmpty()) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(
            "the scale-in did not finish in " + WAIT + ": " + s.summary());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the scale-in", e);
      }
    }
  }

  /** One line about pods, FE registration and the HPA. */
  private static String summary(GroupStatus s) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "pods %d desired, %d current, %d ready | FE %d registered, %d alive",
                s.desiredReplicas(),
                s.currentReplicas(),
                s.readyReplicas(),
                s.registeredCount(),
                s.aliveCount()));
    s.hpa().ifPresent(h -> sb.append(" | HPA ").append(hpa(h)));
    if (!s.ghosts().isEmpty()) {
      sb.append(" | ").append(s.ghosts().size()).append(" ghost(s) to drop");
    }
    return sb.toString();
  }

  private static String hpa(HpaStatus h) {
    if (h.desiredReplicas() == 0 && h.currentReplicas() > 0) {
      return "has " + h.currentReplicas() + ", no metrics yet";
    }
    return h.isScaling()
        ? h.currentReplicas() + " -> " + h.desiredReplicas()
        : "steady at " + h.currentReplicas();
  }

  private void printEvent(GroupEvent e) {
    String marker = e.type() == GroupEvent.Type.WARNING ? "warning" : "event";
    line("    %s %s: %s", marker, e.reason(), e.message());
  }

  private synchronized void line(String format, Object... args) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "[%5.1fs] %s%n", elapsed, String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private synchronized void block(String text) {
    for (String l : text.split("\n", -1)) {
      if (!l.isEmpty()) {
        out.println("         " + l);
      }
    }
    out.flush();
  }

  /**
   * Load as the HPA simulator should see it: a total demand in percent of one pod's request, spread
   * evenly over the pods that exist (240 % CPU is 120 % on each of two pods, 60 % on each of four),
   * so an HPA targeting 60 % settles instead of climbing to its maximum. Call {@link #spreadNow()}
   * before each tick of the simulator's manual clock.
   */
  private static final class Workload {
    private final HpaSimulator hpa;
    private final MockKubernetes k8s;
    private final String namespace;
    private final String statefulSet;
    private int cpuDemand;
    private int memoryDemand;

    Workload(MockKubernetes k8s, ComputeNodeGroupSpec group) {
      this.hpa = k8s.hpa();
      this.k8s = k8s;
      this.namespace = group.namespace();
      this.statefulSet = group.objectNames().statefulSet();
    }

    void demand(int cpuPercent, int memoryPercent) {
      cpuDemand = cpuPercent;
      memoryDemand = memoryPercent;
      spreadNow();
    }

    void spreadNow() {
      StatefulSet sts =
          k8s.client().apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
      int pods =
          Math.max(
              1,
              sts == null || sts.getStatus() == null || sts.getStatus().getReplicas() == null
                  ? 0
                  : sts.getStatus().getReplicas());
      hpa.setCpuUtilization(namespace, statefulSet, (cpuDemand + pods - 1) / pods);
      hpa.setMemoryUtilization(namespace, statefulSet, (memoryDemand + pods - 1) / pods);
    }
  }
}
