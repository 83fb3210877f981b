package io.srcn.it.campaign;

import static org.awaitility.Awaitility.await;

import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.fe.HostPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs one episode on a fixture, in a namespace of its own: foreign nodes, deploys, then each
 * scenario (its steps, healing, quiescence and the registration invariant), a delete (possibly
 * meeting faults and retried, as a platform would) and the clean-up invariant, then the audit of
 * every FE statement of the episode against the simulator's history. Returns what it found; never
 * throws for a violation.
 */
final class EpisodeRunner {
  static final Duration QUIESCE = Duration.ofSeconds(30);
  private static final int DELETE_ATTEMPTS = 5;

  private final CampaignFixture f;
  private final CampaignStats stats;

  EpisodeRunner(CampaignFixture f, CampaignStats stats) {
    this.f = f;
    this.stats = stats;
  }

  /** Runs {@code plan}; the result lists every violated invariant. */
  EpisodeResult run(EpisodePlan plan) {
    f.use(plan.feIpMode());
    String ns = f.nextNamespace();
    f.fe.clearStatements();
    f.k8s.statefulSets().clearHistory();
    EpisodeResult result = new EpisodeResult(plan, ns);
    Set<HostPort> foreign = ConcurrentHashMap.newKeySet();
    Map<String, ComputeNodeGroup> handles = new LinkedHashMap<>();
    Map<String, Instant> deleteStarted = new ConcurrentHashMap<>();
    try (PodWatch pods = new PodWatch(f.k8s.client(), ns);
        Controllers controllers = new Controllers(f, ns, plan.sharesTheControllersSession())) {
      Ownership ownership = new Ownership(ns, plan.groups(), pods);
      for (String template : plan.foreign()) {
        HostPort node = ForeignNodes.resolve(template, ns);
        foreign.add(node);
        f.fe.addComputeNode(node.host(), node.port());
      }
      if (plan.controllerFirst()) {
        controllers.ensureRunning();
      }
      for (GroupPlan g : plan.groups()) {
        handles.put(
            g.name(), spec(g, ns).deploy(f.k8s.client(), CredentialsResolver.literalOnly()));
      }
      controllers.ensureRunning();
      result.phase("deploy");
      StepExecutor steps =
          new StepExecutor(f, ns, plan, handles, controllers, ownership, foreign, stats);
      for (int round = 0; round < plan.rounds().size(); round++) {
        result.round(round);
        List<EpisodePlan.Step> list = plan.rounds().get(round);
        for (int i = 0; i < list.size(); i++) {
          steps.run(round * 100 + i, list.get(i));
          Pace.hold(list.get(i).pauseMillis());
        }
        result.phase("steps");
        steps.heal();
        quiesce(result, ns, plan, ownership, controllers);
        specWins(result, ns, steps.lastWritten());
        result.phase("quiesce");
        stats.scenario();
      }
      result.round(-1);
      deleteAll(result, plan, handles, deleteStarted, ns, ownership);
      result.phase("delete");
      foreignStillThere(result, foreign);
      StatementAudit audit =
          new StatementAudit(
              new Timeline(f.k8s.statefulSets().history(), ns),
              ownership,
              pods,
              foreign,
              deleteStarted);
      var statements = f.fe.statements();
      result.violations(audit.audit(statements));
      result.checks(audit.checks());
      stats.statements(statements.size());
      result.phase("audit");
    } catch (RuntimeException e) {
      result.violation("SCENARIO_ERROR: " + e);
    } finally {
      handles.values().forEach(ComputeNodeGroup::close);
      f.heal();
      foreign.forEach(n -> f.fe.removeComputeNode(n.host(), n.port()));
    }
    result.phase("teardown");
    stats.episode();
    stats.checks(result.checks());
    return result;
  }

  private ComputeNodeGroupSpec spec(GroupPlan g, String ns) {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroups.create(g.name())
            .inNamespace(ns)
            .image("starrocks/cn-ubuntu:3.3.5")
            .terminationGracePeriod(Duration.ofSeconds(5))
            .addressMode(g.mode())
            .registerWith(f.frontend());
    if (!g.autoscaled()) {
      return spec.replicas(g.replicas());
    }
    return spec.autoscale(
        Autoscaling.between(1, g.maxReplicas())
            .onCpu(60)
            .scaleUp(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
            .scaleDown(ScalingRule.pods(4).every(Duration.ofSeconds(1)))
            .scaleDownStabilization(Duration.ZERO));
  }

  private void quiesce(
      EpisodeResult result,
      String ns,
      EpisodePlan plan,
      Ownership ownership,
      Controllers controllers) {
    Convergence last;
    try {
      last =
          await()
              .atMost(QUIESCE)
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () -> Convergence.look(f.k8s.client(), f.fe, ns, plan.groups(), ownership),
                  Convergence::converged);
    } catch (ConditionTimeoutException e) {
      last = Convergence.look(f.k8s.client(), f.fe, ns, plan.groups(), ownership);
      result.violation(
          "NOT_CONVERGED within "
              + QUIESCE
              + ": "
              + last.groups()
              + " controller: "
              + controllers.statuses());
    }
    result.violations(last.registrationViolations());
    result.checks(2L * plan.groups().size());
  }

  /** After quiescence the objects match the last spec a handle wrote (awaited: repairs run). */
  private void specWins(
      EpisodeResult result, String ns, Map<String, ComputeNodeGroupSpec> lastWritten) {
    if (lastWritten.isEmpty()) {
      return;
    }
    List<String> wrong = new ArrayList<>();
    try {
      await()
          .atMost(QUIESCE)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                wrong.clear();
                wrong.addAll(SpecInvariant.violations(f.k8s.client(), ns, lastWritten));
                return wrong.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      result.violations(wrong);
    }
    result.checks(lastWritten.size());
  }

  private void deleteAll(
      EpisodeResult result,
      EpisodePlan plan,
      Map<String, ComputeNodeGroup> handles,
      Map<String, Instant> deleteStarted,
      String ns,
      Ownership ownership) {
    if (plan.faultyDelete()) {
      f.fe.failNextStatements(
          1, sql -> sql.contains("DROP"), 1105, "HY000", "injected: the FE is busy");
      f.k8s.failNextRequests(1, 500, "delete", "*");
    }
    for (GroupPlan g : plan.groups()) {
      deleteStarted.put(g.name(), Instant.now());
      deleteWithRetries(result, handles.get(g.name()), g);
      Set<String> left = Cleanup.feNodes(f.fe, ownership, g);
      result.checks(1);
      if (!left.isEmpty()) {
        result.violation("FE_NODES_AFTER_DELETE: group " + g.name() + " still has " + left);
      }
    }
    f.heal();
    List<String> leftovers = new ArrayList<>();
    try {
      await()
          .atMost(QUIESCE)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                leftovers.clear();
                leftovers.addAll(Cleanup.leftovers(f, ns, plan.groups(), ownership));
                return leftovers.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      result.violation("LEFT_AFTER_DELETE: " + leftovers);
    }
    result.checks(2L * plan.groups().size());
  }

  private void deleteWithRetries(EpisodeResult result, ComputeNodeGroup handle, GroupPlan g) {
    for (int attempt = 1; ; attempt++) {
      try {
        handle.delete();
        return;
      } catch (CnSdkException e) {
        stats.operationFailed();
        if (attempt == DELETE_ATTEMPTS) {
          result.violation("DELETE_FAILED: group " + g.name() + " after " + attempt + ": " + e);
          return;
        }
      }
    }
  }

  /** Reports foreign nodes the FE no longer lists. */
  private void foreignStillThere(EpisodeResult result, Set<HostPort> foreign) {
    Set<HostPort> missing = new LinkedHashSet<>(foreign);
    f.fe.computeNodes().forEach(n -> missing.remove(HostPort.of(n.host(), n.heartbeatPort())));
    result.checks(foreign.size());
    if (!missing.isEmpty()) {
      result.violation("FOREIGN_NODE_GONE: " + missing);
    }
  }
}
