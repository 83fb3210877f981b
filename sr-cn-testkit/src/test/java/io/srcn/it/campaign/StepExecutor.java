package io.srcn.it.campaign;

import io.srcn.it.campaign.EpisodePlan.Action;
import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.it.campaign.EpisodePlan.Step;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.RegistrationPendingException;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeComputeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Carries out a scenario's steps on its fixture: scale events from the HPA, the handle or a raw
 * {@code /scale}, pod faults, FE outages and failovers (the FE or the first address comes back on a
 * timer while later steps run), the FE forgetting a node, Kubernetes write faults, controller
 * restarts, late foreign nodes, and watches that expire over compacted resourceVersions. Operations
 * a platform would retry (a handle call failing on an injected fault) are counted, not fatal.
 *
 * <p>Used by one scenario thread.
 */
final class StepExecutor {
  private final CampaignFixture f;
  private final String ns;
  private final EpisodePlan plan;
  private final Map<String, ComputeNodeGroup> handles;
  private final Controllers controllers;
  private final Ownership ownership;
  private final Set<HostPort> foreign;
  private final CampaignStats stats;
  private final Set<String> failingReadiness = new HashSet<>();
  private final List<ScheduledFuture<?>> recoveries = new ArrayList<>();
  private final Map<String, ComputeNodeGroupSpec> written = new HashMap<>();

  StepExecutor(
      CampaignFixture f,
      String ns,
      EpisodePlan plan,
      Map<String, ComputeNodeGroup> handles,
      Controllers controllers,
      Ownership ownership,
      Set<HostPort> foreign,
      CampaignStats stats) {
    this.f = f;
    this.ns = ns;
    this.plan = plan;
    this.handles = handles;
    this.controllers = controllers;
    this.ownership = ownership;
    this.foreign = foreign;
    this.stats = stats;
  }

  void run(int index, Step step) {
    GroupPlan g = plan.groups().get(step.group());
    Action action = effective(step.action(), g);
    stats.fault(action);
    try {
      perform(index, step, g, action);
    } catch (RuntimeException e) {
      // a handle call or a raw write hit an injected fault, or the pod a fault names is gone:
      // a platform would retry later; the scenario goes on
      stats.operationFailed();
    }
  }

  /** Undoes every lasting fault: FE and addresses up, readiness restored, faults cleared. */
  void heal() {
    recoveries.forEach(r -> r.cancel(false));
    f.heal();
    for (String pod : failingReadiness) {
      f.k8s.statefulSets().failReadiness(ns, pod, false);
    }
    failingReadiness.clear();
    controllers.ensureRunning();
  }

  private static Action effective(Action action, GroupPlan g) {
    if (g.autoscaled() && action == Action.HANDLE_SCALE) {
      return Action.RAW_SCALE;
    }
    if (!g.autoscaled() && (action == Action.HPA_UP || action == Action.HPA_DOWN)) {
      return Action.HANDLE_SCALE;
    }
    return action;
  }

  private void perform(int index, Step step, GroupPlan g, Action action) {
    String sts = g.name() + "-cn";
    String pod = sts + "-" + step.arg();
    switch (action) {
      case HPA_UP, HPA_DOWN -> {
        f.k8s.hpa().setCpuUtilization(ns, sts, action == Action.HPA_UP ? 240 : 5);
        f.k8s.hpa().tick(Duration.ofSeconds(30));
      }
      case HANDLE_SCALE -> write(g, handles.get(g.name()), h -> h.scale(step.arg()));
      case SPEC_CHANGE -> changeSpec(g, step);
      case RAW_SCALE ->
          f.k8s.client().apps().statefulSets().inNamespace(ns).withName(sts).scale(step.arg());
      case CRASH_POD -> f.k8s.statefulSets().crashPod(ns, pod);
      case READINESS_LOSS -> {
        failingReadiness.add(pod);
        f.k8s.statefulSets().failReadiness(ns, pod, true);
      }
      case READINESS_BACK -> {
        Optional<String> back = failingReadiness.stream().sorted().findFirst();
        back.ifPresent(p -> f.k8s.statefulSets().failReadiness(ns, p, false));
        back.ifPresent(failingReadiness::remove);
      }
      case DELETE_POD -> f.k8s.statefulSets().deletePod(ns, pod);
      case FE_OUTAGE -> {
        f.fe.stop();
        recoveries.add(f.later(Duration.ofMillis(step.arg()), f.fe::start));
      }
      case FAILOVER -> {
        f.first.down();
        recoveries.add(f.later(Duration.ofMillis(step.arg()), f.first::up));
      }
      case FE_LOSES_NODE -> loseNode(g, step.arg());
      case K8S_WRITE_FAULTS ->
          f.k8s.failNextRequests(step.arg(), step.code(), "write", step.resource());
      case CONTROLLER_RESTART -> controllers.restart();
      case WATCH_EXPIRY -> {
        if (step.arg() > 0) {
          f.k8s.compactResourceVersions();
        }
        f.k8s.expireWatches();
      }
      case FOREIGN_NODE -> {
        SplittableRandom r = new SplittableRandom(plan.seed() + index);
        HostPort node = ForeignNodes.resolve(ForeignNodes.pick(r, g.name(), 10 + index), ns);
        foreign.add(node);
        f.fe.addComputeNode(node.host(), node.port());
      }
    }
  }

  /**
   * The last spec a handle wrote to each group, for the check after quiescence that the objects
   * match it; a group whose last write failed part-way (an injected fault) is left out until the
   * next write succeeds.
   */
  Map<String, ComputeNodeGroupSpec> lastWritten() {
    return Map.copyOf(written);
  }

  /** A handle changes the spec while the controller runs ({@link Action#SPEC_CHANGE}). */
  private void changeSpec(GroupPlan g, Step step) {
    ComputeNodeGroup handle =
        step.code() == 1 ? controllers.sessionHandle(g.name()) : handles.get(g.name());
    int max = Math.max(2, g.maxReplicas());
    switch (step.arg()) {
      case 0 -> write(g, handle, h -> h.update(s -> s.withoutAutoscaling().replicas(1 + max / 2)));
      case 1 ->
          write(
              g,
              handle,
              h ->
                  h.update(
                      s ->
                          s.autoscale(
                              Autoscaling.between(1, max)
                                  .onCpu(60)
                                  .scaleUp(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
                                  .scaleDown(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
                                  .scaleDownStabilization(Duration.ZERO))));
      case 2 ->
          write(
              g,
              handle,
              h ->
                  h.update(
                      s -> s.autoscaling().isPresent() ? s : s.replicas(1 + s.replicas() % 3)));
      default ->
          write(
              g,
              handle,
              h ->
                  h.updateConfig(
                      Map.of(
                          "sys_log_level",
                          "INFO".equals(h.spec().config().get("sys_log_level"))
                              ? "WARN"
                              : "INFO")));
    }
  }

  /**
   * Runs a handle's write and records the spec it wrote. A call that reports only FE work left
   * ({@link RegistrationPendingException}) wrote its spec; any other failure leaves what was
   * written unknown.
   */
  private void write(GroupPlan g, ComputeNodeGroup handle, Consumer<ComputeNodeGroup> call) {
    try {
      call.accept(handle);
      written.put(g.name(), handle.spec());
    } catch (RegistrationPendingException e) {
      written.put(g.name(), handle.spec());
      throw e;
    } catch (InvalidSpecException e) {
      throw e; // refused before anything was written (scale(n) of an autoscaled group)
    } catch (RuntimeException e) {
      written.remove(g.name());
      throw e;
    }
  }

  private void loseNode(GroupPlan g, int ordinal) {
    for (FakeComputeNode n : f.fe.computeNodes()) {
      HostPort a = HostPort.of(n.host(), n.heartbeatPort());
      if (ownership
          .owner(a)
          .filter(o -> o.group().equals(g) && o.ordinal() == ordinal)
          .isPresent()) {
        f.fe.removeComputeNode(n.host(), n.heartbeatPort());
      }
    }
  }
}
