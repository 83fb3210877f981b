package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.HostPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass of a group's FE registration, as named steps: observe the StatefulSet, pods
 * and HPA; list the FE (shared snapshot); plan ({@link RegistrationPlanner}); write the ledger (IP
 * mode); ADD the serving pods in one statement; DROP the scaled-in nodes in one statement; clear
 * the ledger. Kubernetes objects are never changed here, so an FE outage cannot damage them.
 *
 * <p>Not thread-safe: the engine runs at most one pass per group at a time.
 */
final class GroupSync {
  private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);

  /**
   * How old a stale IP-mode ledger entry must be before it is forgotten: far longer than an ADD can
   * take after its entry was recorded (the FE client gives up within its retry deadline, at most 10
   * s plus a statement timeout), so an entry another engine is about to use is never taken away.
   */
  static final Duration LEDGER_GRACE = Duration.ofMinutes(2);

  private final ComputeNodeGroupSpec spec;
  private final GroupIdentity id;
  private final ClusterView view;
  private final FrontendPool frontends;
  private final LedgerStore ledger;
  private final SyncListener listener;
  private final Clock clock;

  GroupSync(
      ComputeNodeGroupSpec spec,
      ClusterView view,
      FrontendPool frontends,
      LedgerStore ledger,
      SyncListener listener,
      Clock clock) {
    this.spec = spec;
    this.id =
        new GroupIdentity(
            spec.namespace(),
            spec.name(),
            spec.clusterDomain(),
            spec.addressMode() == AddressMode.POD_IP);
    this.view = view;
    this.frontends = frontends;
    this.ledger = ledger;
    this.listener = listener;
    this.clock = clock;
  }

  /** Runs one pass; {@code feMaxAge} bounds the age of the FE snapshot it decides on. */
  SyncReport run(SyncMode mode, Duration feMaxAge) {
    // pods first, then the StatefulSet: the replicas a pod is judged against are then no older than
    // what the pod was seen doing (a scale-in right after a pod turned Ready is not missed)
    List<PodView> pods =
        PodViews.of(id.group(), view.pods(id.namespace(), id.group()), spec.ports().heartbeat());
    Optional<StatefulSet> sts = view.statefulSet(id.namespace(), id.group());
    int replicas = mode == SyncMode.RELEASE || mode == SyncMode.FORCE_RELEASE ? 0 : replicas(sts);
    Optional<HpaView> hpa =
        spec.autoscaling().isPresent()
            ? view.autoscaler(id.namespace(), id.group())
            : Optional.empty();
    Observed observed = new Observed(sts, replicas, pods, hpa);
    if (spec.frontend().isEmpty()) {
      return observed.report(clock, List.of(), Optional.empty(), null, null, List.of(), List.of());
    }
    FeCluster fe = frontends.cluster(spec.frontend().get(), id.namespace());
    List<FeNode> nodes;
    try {
      nodes = fe.nodes(feMaxAge);
    } catch (CnSdkException e) {
      listener.frontendUnavailable(e);
      return observed.report(clock, List.of(), Optional.empty(), e, null, List.of(), List.of());
    }
    Map<HostPort, LedgerEntry> entries =
        id.ipMode() ? ledger.read(id.namespace(), id.group()) : Map.of();
    Map<HostPort, String> ledgerPods = new LinkedHashMap<>();
    entries.forEach((address, entry) -> ledgerPods.put(address, entry.pod()));
    RegistrationPlan plan =
        RegistrationPlanner.plan(
            id, replicas, pods, nodes, ledgerPods, mode == SyncMode.FORCE_RELEASE);
    if (mode == SyncMode.OBSERVE) {
      return observed.report(clock, nodes, Optional.of(plan), null, null, List.of(), List.of());
    }
    return execute(observed, fe, plan, entries);
  }

  private SyncReport execute(
      Observed observed, FeCluster fe, RegistrationPlan plan, Map<HostPort, LedgerEntry> entries) {
    List<HostPort> added = new ArrayList<>();
    List<HostPort> dropped = new ArrayList<>();
    CnSdkException failure = null;
    try {
      addServingPods(fe, plan, added);
    } catch (CnSdkException e) {
      failure = failed(plan.toAdd(), false, e);
    }
    try {
      dropScaledInNodes(fe, plan, dropped, entries);
      forgetStaleLedgerEntries(fe, plan, entries);
    } catch (CnSdkException e) {
      failure = failure != null ? failure : failed(plan.dropAddresses(), true, e);
    }
    List<FeNode> after = safeNodes(fe);
    return observed.report(clock, after, Optional.of(plan), null, failure, added, dropped);
  }

  private CnSdkException failed(List<HostPort> addresses, boolean drop, CnSdkException e) {
    LOG.warn("group {}: {} failed: {}", id, drop ? "drop" : "add", e.getMessage());
    listener.registrationFailed(addresses, drop, e);
    return e;
  }

  private void addServingPods(FeCluster fe, RegistrationPlan plan, List<HostPort> added) {
    if (plan.toAdd().isEmpty()) {
      return;
    }
    ledger.record(id.namespace(), id.group(), plan.ledgerAdd(), clock.instant());
    AddResult result = fe.add(plan.toAdd(), spec.warehouse());
    added.addAll(result.added());
    if (!result.added().isEmpty()) {
      LOG.info("group {}: registered {}", id, result.added());
      listener.registered(result.added());
    }
  }

  private void dropScaledInNodes(
      FeCluster fe,
      RegistrationPlan plan,
      List<HostPort> dropped,
      Map<HostPort, LedgerEntry> entries) {
    if (plan.toDrop().isEmpty()) {
      return;
    }
    DropResult result = fe.drop(plan.dropAddresses(), spec.warehouse());
    dropped.addAll(result.dropped());
    if (id.ipMode()) {
      List<HostPort> gone = new ArrayList<>(result.dropped());
      gone.addAll(result.alreadyAbsent());
      ledger.forget(id.namespace(), id.group(), readEntries(entries, gone));
    }
    if (!result.dropped().isEmpty()) {
      LOG.info("group {}: dropped {}", id, result.dropped());
      listener.dropped(result.dropped());
    }
  }

  /**
   * Forgets ledger entries the plan found stale, once they are older than {@link #LEDGER_GRACE} and
   * a fresh listing confirms the FE does not list them: the pass may have decided on a pod view or
   * FE snapshot older than another engine's record and ADD. When the FE cannot be listed, the
   * entries stay for a later pass.
   */
  private void forgetStaleLedgerEntries(
      FeCluster fe, RegistrationPlan plan, Map<HostPort, LedgerEntry> entries) {
    if (!id.ipMode()) {
      return;
    }
    Instant settled = clock.instant().minus(LEDGER_GRACE);
    List<HostPort> candidates =
        plan.ledgerStale().stream()
            .filter(a -> entries.containsKey(a) && entries.get(a).recordedAt().isBefore(settled))
            .toList();
    if (candidates.isEmpty()) {
      return;
    }
    Set<HostPort> listed = new HashSet<>();
    try {
      fe.nodes(Duration.ZERO).forEach(n -> listed.add(RegistrationPlanner.normalize(n.address())));
    } catch (CnSdkException e) {
      LOG.debug(
          "group {}: stale ledger entries kept, the FE cannot be listed: {}", id, e.getMessage());
      return;
    }
    List<HostPort> stale =
        candidates.stream()
            .filter(a -> !listed.contains(RegistrationPlanner.normalize(a)))
            .toList();
    ledger.forget(id.namespace(), id.group(), readEntries(entries, stale));
  }

  /** The entries of {@code addresses} as this pass read them (for a compare-and-forget). */
  private static Map<HostPort, LedgerEntry> readEntries(
      Map<HostPort, LedgerEntry> entries, List<HostPort> addresses) {
    Map<HostPort, LedgerEntry> out = new LinkedHashMap<>();
    addresses.forEach(
        a -> {
          LedgerEntry entry = entries.get(a);
          if (entry != null) {
            out.put(a, entry);
          }
        });
    return out;
  }

  private static List<FeNode> safeNodes(FeCluster fe) {
    try {
      return fe.nodes(Duration.ofDays(1));
    } catch (CnSdkException e) {
      return List.of();
    }
  }

  private static int replicas(Optional<StatefulSet> sts) {
    return sts.map(GroupSync::specReplicas).orElse(0);
  }

  /**
   * A StatefulSet's {@code spec.replicas}, 1 when the field is absent: the API server's default
   * ({@code SetDefaults_StatefulSet}, kubernetes {@code pkg/apis/apps/v1/defaults.go}). Never 0 for
   * an absent field: that would make every pod droppable.
   */
  static int specReplicas(StatefulSet sts) {
    Integer r = sts.getSpec() == null ? null : sts.getSpec().getReplicas();
    return r == null ? 1 : r;
  }

  /** What the pass observed in Kubernetes. */
  private record Observed(
      Optional<StatefulSet> sts, int replicas, List<PodView> pods, Optional<HpaView> hpa) {
    SyncReport report(
        Clock clock,
        List<FeNode> nodes,
        Optional<RegistrationPlan> plan,
        CnSdkException frontendError,
        CnSdkException registrationError,
        List<HostPort> added,
        List<HostPort> dropped) {
      return new SyncReport(
          clock.instant(),
          sts,
          replicas,
          pods,
          hpa,
          nodes,
          plan,
          List.copyOf(added),
          List.copyOf(dropped),
          Optional.ofNullable(frontendError),
          Optional.ofNullable(registrationError));
    }
  }
}
