package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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
  private GroupIdentity id;
  private final ClusterView view;
  private final FrontendPool frontends;
  private final LedgerStore ledger;
  private final AddFence fence;
  private final SyncListener listener;
  private final Clock clock;
  private final Refusal addRefused = new Refusal("register pods (ALTER SYSTEM ADD COMPUTE NODE)");
  private final Refusal dropRefused = new Refusal("drop nodes (ALTER SYSTEM DROP COMPUTE NODE)");

  GroupSync(
      ComputeNodeGroupSpec spec,
      ClusterView view,
      FrontendPool frontends,
      LedgerStore ledger,
      AddFence fence,
      SyncListener listener,
      Clock clock) {
    this.spec = spec;
    this.id = GroupIdentity.of(spec, null);
    this.view = view;
    this.frontends = frontends;
    this.ledger = ledger;
    this.fence = fence;
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
    Observed observed = new Observed(sts, replicas, pods, hpa, id, null, spec.addressMode());
    if (spec.frontend().isEmpty()) {
      return observed.report(clock, List.of(), Optional.empty(), null, null, List.of(), List.of());
    }
    FeCluster fe = frontends.cluster(spec.frontend().get(), id.namespace());
    List<FeNode> nodes;
    FeHostMode hostMode;
    try {
      nodes = fe.nodes(feMaxAge);
      hostMode = fe.hostMode();
    } catch (CnSdkException e) {
      listener.frontendUnavailable(e);
      return observed.report(clock, List.of(), Optional.empty(), e, null, List.of(), List.of());
    }
    id = GroupIdentity.of(spec, hostMode);
    observed = observed.with(id, hostMode, spec.addressMode());
    Map<HostPort, LedgerEntry> entries =
        id.ipMode() || id.feStoresIps() || anyIp(nodes)
            ? ledger.read(id.namespace(), id.group())
            : Map.of();
    Map<HostPort, String> ledgerPods = new LinkedHashMap<>();
    entries.forEach((address, entry) -> ledgerPods.put(address, entry.pod()));
    RegistrationPlan plan =
        RegistrationPlanner.plan(
            id, replicas, pods, nodes, ledgerPods, mode == SyncMode.FORCE_RELEASE);
    if (mode == SyncMode.OBSERVE) {
      return observed.report(
          clock, nodes, Optional.of(plan), null, refusal(plan).orElse(null), List.of(), List.of());
    }
    learnFromStoredAddresses(fe, plan);
    return execute(observed, fe, plan, entries, mode == SyncMode.FORCE_RELEASE);
  }

  /** A permanent refusal starts or extends the group's backoff; other errors pass through. */
  private CnSdkException classify(Refusal refusal, CnSdkException e) {
    return Refusal.isPermanent(e) ? refusal.refused(e, clock.instant()) : e;
  }

  /** The refusal still in force for what this plan would send, if any. */
  private Optional<CnSdkException> refusal(RegistrationPlan plan) {
    Optional<CnSdkException> add = plan.toAdd().isEmpty() ? Optional.empty() : addRefused.current();
    return add.or(() -> plan.toDrop().isEmpty() ? Optional.empty() : dropRefused.current());
  }

  private static boolean anyIp(List<FeNode> nodes) {
    return FeListingIndex.of(nodes).anyIp();
  }

  /**
   * A pod the FE lists by IP where its name was added proves the FE resolves names: the FE
   * cluster's mode is corrected for every group (AUTO then registers by IP from the next pass).
   */
  private void learnFromStoredAddresses(FeCluster fe, RegistrationPlan plan) {
    if (id.ipMode() || id.feStoresIps() || plan.mismatched().isEmpty()) {
      return;
    }
    var m = id.mismatch(plan.mismatched().get(0));
    fe.learned(FeHostMode.storedIp(m.registered(), m.listed()));
  }

  private SyncReport execute(
      Observed observed,
      FeCluster fe,
      RegistrationPlan plan,
      Map<HostPort, LedgerEntry> entries,
      boolean force) {
    List<HostPort> added = new ArrayList<>();
    List<HostPort> dropped = new ArrayList<>();
    CnSdkException failure = null;
    try {
      if (!plan.ledgerAdopt().isEmpty()) {
        ledger.record(id.namespace(), id.group(), plan.ledgerAdopt(), clock.instant());
        LOG.info("group {}: the FE stored {}; recorded as owned", id, plan.ledgerAdopt().keySet());
      }
      addServingPods(fe, plan, observed.replicas(), added, dropped);
    } catch (CnSdkException e) {
      failure = failed(plan.toAdd(), false, classify(addRefused, e));
    }
    try {
      dropScaledInNodes(fe, plan, dropped, entries, force);
      forgetStaleLedgerEntries(fe, plan, entries);
    } catch (CnSdkException e) {
      failure =
          failure != null ? failure : failed(plan.dropAddresses(), true, classify(dropRefused, e));
    }
    if (failure == null) {
      failure = refusal(plan).orElse(null);
    }
    List<FeNode> after = safeNodes(fe);
    return observed.report(clock, after, Optional.of(plan), null, failure, added, dropped);
  }

  private CnSdkException failed(List<HostPort> addresses, boolean drop, CnSdkException e) {
    LOG.warn("group {}: {} failed: {}", id, drop ? "drop" : "add", e.getMessage());
    LOG.debug("group {}: {} failed", id, drop ? "drop" : "add", e); // the cause chain
    listener.registrationFailed(addresses, drop, e);
    return e;
  }

  /**
   * ADDs the plan's serving pods inside the {@link AddFence}: only if a fresh read of the
   * StatefulSet still allows it, and undone at once if the group started going away meanwhile.
   */
  private void addServingPods(
      FeCluster fe,
      RegistrationPlan plan,
      int replicas,
      List<HostPort> added,
      List<HostPort> dropped) {
    if (plan.toAdd().isEmpty()) {
      addRefused.cleared();
      return;
    }
    if (addRefused.holds(clock.instant())) {
      return; // the FE refused this for good last time; the backoff runs
    }
    Optional<String> why =
        Warehouses.clause(spec.warehouse()).flatMap(w -> Warehouses.unsupported(w, fe.version()));
    if (why.isPresent()) { // would be a syntax error on this FE: not sent at all
      throw addRefused.refused(new CnSdkException(why.get()), clock.instant());
    }
    if (!fence.allowsAdd(id.namespace(), id.group(), replicas)) {
      LOG.debug("group {}: ADD of {} skipped, the group is going away or shrank", id, plan.toAdd());
      return;
    }
    Instant recorded = Instant.ofEpochMilli(clock.instant().toEpochMilli());
    Map<HostPort, String> entries = ledgerEntries(plan);
    ledger.record(id.namespace(), id.group(), entries, recorded);
    AddResult result = fe.add(plan.toAdd(), spec.warehouse());
    addRefused.cleared();
    added.addAll(result.added());
    if (!result.added().isEmpty()) {
      LOG.info("group {}: registered {}", id, result.added());
      listener.registered(result.added());
    }
    if (fence.goingAway(id.namespace(), id.group())) {
      undo(fe, entries, result, recorded, dropped);
    }
  }

  /**
   * The ledger entries to write before the ADD. A group registering by name on an FE that stores
   * IPs leaves the name to the FE, which resolves it when the ADD arrives ({@link FeHostMode}:
   * StarRocks {@code AlterSystemStmtAnalyzer} calls {@code SystemInfoService.validateHostAndPort}
   * with {@code resolveHost} set when the FE is not in FQDN mode), so besides the IP this pass's
   * view shows for each pod, the entries name the IP the pod has now, read from the API server: a
   * view behind a pod's new incarnation would otherwise record an IP the FE never stores, and the
   * node the FE does store would have no owner once the pod goes (a ghost; 1,000-scenario campaign,
   * seed {@code -4538192914602356922}). The extra entry is forgotten once it names no node and no
   * pod ({@link RegistrationPlanner}).
   */
  private Map<HostPort, String> ledgerEntries(RegistrationPlan plan) {
    Map<HostPort, String> entries = plan.ledgerAdd();
    if (entries.isEmpty() || id.ipMode() || !id.feStoresIps()) {
      return entries;
    }
    Set<String> adding = new HashSet<>(entries.values());
    Map<HostPort, String> out = new LinkedHashMap<>(entries);
    fence
        .livePodAddresses(id.namespace(), id.group(), spec.ports().heartbeat())
        .forEach(
            (pod, ip) -> {
              if (adding.contains(pod)) {
                out.putIfAbsent(ip, pod);
              }
            });
    return out;
  }

  /**
   * The addresses to drop minus those a live pod answers at, read from the API server (see {@link
   * AddFence}): a cache behind another engine's ADD shows the pod's previous incarnation, and its
   * plan takes the new incarnation's IP for an older one. Only IP addresses need the read.
   */
  private List<HostPort> spareLivePods(List<HostPort> addresses) {
    if (addresses.stream().noneMatch(HostPort::isIpAddress)) {
      return addresses;
    }
    Set<HostPort> live =
        fence.liveIpAddresses(id.namespace(), id.group(), spec.ports().heartbeat());
    List<HostPort> spared = addresses.stream().filter(live::contains).toList();
    if (!spared.isEmpty()) {
      LOG.info(
          "group {}: DROP of {} skipped, live pods answer there (the view is behind)", id, spared);
    }
    return addresses.stream().filter(a -> !live.contains(a)).toList();
  }

  /** The group started going away during the ADD: drops what the ADD registered. */
  private void undo(
      FeCluster fe,
      Map<HostPort, String> ledgerEntries,
      AddResult result,
      Instant recorded,
      List<HostPort> dropped) {
    List<HostPort> mine = new ArrayList<>(result.added());
    if (mine.isEmpty()) {
      return;
    }
    LOG.info("group {}: going away during an ADD; dropping {} again", id, mine);
    DropResult undone = fe.drop(mine, spec.warehouse());
    dropped.addAll(undone.dropped());
    if (!undone.dropped().isEmpty()) {
      listener.dropped(undone.dropped());
    }
    if (!ledgerEntries.isEmpty()) {
      Map<HostPort, LedgerEntry> entries = new LinkedHashMap<>();
      ledgerEntries.forEach((a, pod) -> entries.put(a, new LedgerEntry(pod, recorded)));
      ledger.forget(id.namespace(), id.group(), entries);
    }
  }

  private void dropScaledInNodes(
      FeCluster fe,
      RegistrationPlan plan,
      List<HostPort> dropped,
      Map<HostPort, LedgerEntry> entries,
      boolean force) {
    if (plan.toDrop().isEmpty()) {
      dropRefused.cleared();
      return;
    }
    if (dropRefused.holds(clock.instant())) {
      return; // the FE refused this for good last time; the backoff runs
    }
    List<HostPort> addresses = force ? plan.dropAddresses() : spareLivePods(plan.dropAddresses());
    if (addresses.isEmpty()) {
      return;
    }
    DropResult result = fe.drop(addresses, spec.warehouse());
    dropRefused.cleared();
    dropped.addAll(result.dropped());
    if (!entries.isEmpty()) {
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
    if (entries.isEmpty()) {
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
}
