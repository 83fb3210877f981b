package io.srcn.examples;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Two embedded controllers with leader election, as a platform runs them in two replicas: only the
 * holder of the Lease works; stop it and the other takes over, and the groups stay converged.
 *
 * <ol>
 *   <li>deploys {@code analytics} (autoscaling 1..6 on CPU) and {@code reports} (2 pods);
 *   <li>starts controllers {@code controller-a} and {@code controller-b} on one Lease;
 *   <li>loads {@code analytics} so its HPA scales it to 3: the leader registers the new pods;
 *   <li>stops the leader; the other acquires the Lease;
 *   <li>raises the load (HPA to 5), then removes it (HPA to 1): the new leader registers, then
 *       drops, without anyone touching the groups.
 * </ol>
 *
 * <p>Runs on the embedded testkit (HPA simulator on a manual clock). A main program; {@link
 * #run(PrintStream, Duration)} is the same thing for tests. Thread-safe: every run starts its own
 * servers on free ports. Self-contained: it needs only sr-cn-sdk and sr-cn-testkit, so it can be
 * copied as it is.
 */
public final class ControllerExample {
  private static final String NAMESPACE = "starrocks";
  private static final String LEASE = "srcn-example";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration HPA_PERIOD = Duration.ofSeconds(15);

  /**
   * What the example saw. Immutable and thread-safe.
   *
   * @param firstLeader the identity that led first
   * @param secondLeader the identity that took over
   * @param takeover time from stopping the first leader until the second led
   * @param feNodes the FE's nodes at the end, sorted
   * @param statuses the groups' last statuses, as the second leader reports them
   */
  public record Result(
      String firstLeader,
      String secondLeader,
      Duration takeover,
      List<String> feNodes,
      List<GroupStatus> statuses) {
    /** Copies the lists. */
    public Result {
      feNodes = List.copyOf(feNodes);
      statuses = List.copyOf(statuses);
    }
  }

  private final PrintStream out;
  private final long start = System.nanoTime();
  private final Duration leaseDuration;

  private ControllerExample(PrintStream out, Duration leaseDuration) {
    this.out = out;
    this.leaseDuration = leaseDuration;
  }

  /** Runs the example on standard output with a 5 s Lease. */
  public static void main(String[] args) {
    run(System.out, Duration.ofSeconds(5));
  }

  /** Runs the example, printing on {@code out}; the Lease lasts {@code leaseDuration}. */
  public static Result run(PrintStream out, Duration leaseDuration) {
    return new ControllerExample(out, leaseDuration).run();
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
      ComputeNodeGroupSpec analytics =
          group("analytics", fe.frontend())
              .autoscale(
                  Autoscaling.between(1, 6)
                      .onCpu(60)
                      .scaleUp(ScalingRule.pods(4).every(HPA_PERIOD))
                      .scaleDown(ScalingRule.pods(4).every(HPA_PERIOD))
                      .scaleDownStabilization(Duration.ZERO));
      deploy(k8s, analytics);
      deploy(k8s, group("reports", fe.frontend()).replicas(2));
      line("deployed analytics (1 pod, autoscaling 1..6) and reports (2 pods)");
      CredentialsResolver resolver = literal(fe.frontend());
      try (ComputeNodeController a = controller(k8s, "controller-a", resolver);
          ComputeNodeController b = controller(k8s, "controller-b", resolver)) {
        Workload load = new Workload(k8s, analytics);
        awaitTrue("one leader", () -> a.isLeader() ^ b.isLeader());
        ComputeNodeController leader = a.isLeader() ? a : b;
        ComputeNodeController standby = leader == a ? b : a;
        String first = name(leader, a);
        line("%s leads, %s stands by", first, name(standby, a));

        scaleTo(k8s, fe, load, 180, 3 + 2, "analytics to 3 pods");
        long stopped = System.nanoTime();
        leader.close();
        line("stopped %s (the leader)", first);
        awaitTrue("the standby to lead", standby::isLeader);
        Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
        String second = name(standby, a);
        line("%s took over after %d ms", second, takeover.toMillis());

        scaleTo(k8s, fe, load, 300, 5 + 2, "analytics to 5 pods");
        scaleTo(k8s, fe, load, 30, 1 + 2, "analytics back to 1 pod");
        awaitTrue(
            "both groups ready",
            () ->
                standby.statuses().size() == 2
                    && standby.statuses().stream().allMatch(ControllerExample::settled));
        for (GroupStatus s : standby.statuses()) {
          line("%s/%s: %s", s.namespace(), s.name(), s.summary());
        }
        return new Result(first, second, takeover, addresses(fe), standby.statuses());
      }
    }
  }

  private static ComputeNodeGroupSpec group(String name, Frontend fe) {
    return ComputeNodeGroups.create(name)
        .inNamespace(NAMESPACE)
        .image("starrocks/cn-ubuntu:3.3.5")
        .registerWith(fe);
  }

  private void deploy(MockKubernetes k8s, ComputeNodeGroupSpec spec) {
    try (ComputeNodeGroup g = spec.deploy(k8s.client())) {
      g.awaitReady(WAIT);
    }
  }

  private ComputeNodeController controller(
      MockKubernetes k8s, String identity, CredentialsResolver resolver) {
    ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace(NAMESPACE)
            .resyncPeriod(Duration.ofMillis(500))
            .credentialsResolver(resolver)
            .leaderElection(NAMESPACE, LEASE, identity)
            .leaseDuration(leaseDuration)
            .build();
    c.addListener(this::printEvent);
    return c.start();
  }

  /** Specs read back from the cluster hold no password: give the FE's. */
  private static CredentialsResolver literal(Frontend fe) {
    return (credentials, namespace) -> credentials.isRedacted() ? fe.credentials() : credentials;
  }

  /** Loads analytics, lets its HPA sync, and waits until the FE lists {@code nodes} alive. */
  private void scaleTo(
      MockKubernetes k8s, FakeFrontend fe, Workload load, int cpu, int nodes, String what) {
    line("load %d %% CPU: HPA scales %s", cpu, what);
    load.demand(cpu, 0);
    k8s.hpa().tick(HPA_PERIOD.plusSeconds(5));
    awaitTrue(
        nodes + " nodes alive in the FE",
        () -> {
          List<FakeComputeNode> all = fe.computeNodes();
          return all.size() == nodes && all.stream().allMatch(FakeComputeNode::alive);
        });
    line("the FE lists %d nodes, all alive", nodes);
  }

  private static String name(ComputeNodeController c, ComputeNodeController a) {
    return c == a ? "controller-a" : "controller-b";
  }

  private static List<String> addresses(FakeFrontend fe) {
    return fe.computeNodes().stream().map(FakeComputeNode::address).sorted().toList();
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + WAIT + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  /**
   * True when every desired pod of the group is Ready, registered and Alive, and no scaled-in node
   * waits to be dropped.
   */
  public static boolean settled(GroupStatus s) {
    return s.isReady()
        && s.nodes().size() == s.desiredReplicas()
        && s.nodes().stream().allMatch(NodeStatus::isServing)
        && s.ghosts().isEmpty();
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

  /**
   * Load as the HPA simulator should see it: a total CPU demand in percent of one pod's request,
   * spread evenly over the pods that exist, so the HPA settles instead of climbing to its maximum.
   */
  private static final class Workload {
    private final MockKubernetes k8s;
    private final String namespace;
    private final String statefulSet;

    Workload(MockKubernetes k8s, ComputeNodeGroupSpec group) {
      this.k8s = k8s;
      this.namespace = group.namespace();
      this.statefulSet = group.objectNames().statefulSet();
    }

    void demand(int cpuPercent, int memoryPercent) {
      StatefulSet sts =
          k8s.client().apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
      int pods =
          Math.max(
              1,
              sts == null || sts.getStatus() == null || sts.getStatus().getReplicas() == null
                  ? 0
                  : sts.getStatus().getReplicas());
      k8s.hpa().setCpuUtilization(namespace, statefulSet, (cpuPercent + pods - 1) / pods);
      k8s.hpa().setMemoryUtilization(namespace, statefulSet, (memoryPercent + pods - 1) / pods);
    }
  }
}
