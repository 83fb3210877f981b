package io.srcn.examples;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.srcn.examples.internal.Console;
import io.srcn.examples.internal.EventLog;
import io.srcn.examples.internal.Progress;
import io.srcn.examples.internal.SimulatedWorkload;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.SelectPolicy;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * starts its own servers on free ports.
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

  private final Console console;
  private final List<String> timeline = new ArrayList<>();
  private long simulatedSeconds;

  private AutoscalingExample(PrintStream out) {
    this.console = new Console(out);
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
    try (MockKubernetes k8s = MockKubernetes.builder().build().start();
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
      try (ComputeNodeGroup group = spec.deploy(k8s.client());
          SimulatedWorkload load = new SimulatedWorkload(k8s.hpa(), k8s.client(), spec)) {
        group.addListener(new EventLog(console));
        group.awaitReady(WAIT);
        console.line("deployed: 1 pod serving; FE lists %s", addresses(fe));

        console.line("load: 240 %% CPU of one pod, spread over the ready pods");
        load.demand(240, 60);
        int peak = tickUntil(k8s, group, load, 4);
        console.line("scaled out to %d pods; FE lists %d nodes", peak, fe.computeNodes().size());

        console.line("load gone: 30 %% CPU; the seed's policy has scale-down disabled");
        load.demand(30, 20);
        int kept = tickTimes(k8s, group, load, 6);
        console.line("after 60 s of simulated time: still %d pods", kept);

        console.line("policy update: scale down 1 pod per 10 s after a 30 s stabilization window");
        group.update(s -> s.autoscale(withScaleDown(seedPolicy())));
        int end = tickUntil(k8s, group, load, 1);
        // one pod serves; the scaled-in pods may still be terminating: their nodes go once they do
        new Progress(console)
            .await(
                spec.name(),
                "the scale-in to finish",
                () -> Optional.of(group.reconcile()),
                Progress::settled,
                WAIT);
        console.line("scaled in to %d pod; FE lists %s", end, addresses(fe));
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
    console.line("the seed's policy, as the SDK renders it:");
    console.block(k8s.client().getKubernetesSerialization().asYaml(hpa.getSpec()));
  }

  /** Ticks the HPA clock 10 s at a time until {@code pods} serve; returns how many serve. */
  private int tickUntil(
      MockKubernetes k8s, ComputeNodeGroup group, SimulatedWorkload load, int pods) {
    int serving = -1;
    for (int i = 0; i < MAX_TICKS && serving != pods; i++) {
      serving = tick(k8s, group, load);
    }
    return serving;
  }

  private int tickTimes(MockKubernetes k8s, ComputeNodeGroup group, SimulatedWorkload load, int n) {
    int serving = -1;
    for (int i = 0; i < n; i++) {
      serving = tick(k8s, group, load);
    }
    return serving;
  }

  /** One HPA sync 10 s later, then a registration pass until the group is ready. */
  private int tick(MockKubernetes k8s, ComputeNodeGroup group, SimulatedWorkload load) {
    load.spreadNow();
    k8s.hpa().tick(PERIOD);
    simulatedSeconds += PERIOD.getSeconds();
    GroupStatus s = group.awaitReady(WAIT);
    String line = "t=" + simulatedSeconds + "s " + Progress.line(s);
    timeline.add(line);
    console.line("    %s", line);
    return s.readyReplicas();
  }

  private static List<String> addresses(FakeFrontend fe) {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }
}
