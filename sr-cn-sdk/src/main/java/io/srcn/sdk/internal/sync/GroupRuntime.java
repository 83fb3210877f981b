package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.internal.apply.SpecSupersededException;
import io.srcn.sdk.internal.events.StatusTransitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's state for one group: its spec, its registration pass, its status across passes, the
 * last apply error. Handles and the controller both drive groups through it.
 *
 * <p>Thread-safe: passes and applies of one group run one at a time, across every runtime of the
 * group in the session (they share the group's {@link GroupOwner}).
 */
final class GroupRuntime {
  private static final int REPAIR_ROUNDS = 3;

  private final Engine engine;
  private final ClusterView view;
  private final GroupOwner owner;
  private ComputeNodeGroupSpec spec;
  private GroupSync sync;
  private final StatusAssembler assembler;
  private Optional<String> applyError = Optional.empty();
  private GroupStatus last;
  private SyncReport lastReport;
  // the uid of the StatefulSet the current pass read, for its events (issue 19: no read per event)
  private String statefulSetUid;

  GroupRuntime(Engine engine, ComputeNodeGroupSpec spec, ClusterView view) {
    this.engine = engine;
    this.view = view;
    this.owner = engine.owner(new GroupKey(spec.namespace(), spec.name()));
    this.assembler = new StatusAssembler(GroupIdentity.of(spec));
    use(spec);
  }

  synchronized ComputeNodeGroupSpec spec() {
    return spec;
  }

  /** Switches to a new spec of the same group (after it was applied). */
  synchronized void use(ComputeNodeGroupSpec next) {
    this.spec = next;
    this.sync =
        new GroupSync(
            next,
            view,
            engine.frontends,
            engine.ledger,
            new AddFence(engine.client, new DirectClusterView(engine.client, true)),
            new SyncEvents(GroupIdentity.of(next), engine.clock, this::publish),
            engine.clock);
  }

  /**
   * Applies the spec's objects; records (and rethrows) a failure for the status.
   *
   * @throws CnSdkException when the apply fails
   */
  synchronized void apply() {
    apply(true, null);
  }

  /**
   * Applies the spec only if the spec recorded on the cluster is still {@code basedOn} (what the
   * caller built on; null when the group has no StatefulSet), then checks once more with a repair:
   * a writer in another session that decided on an older spec and wrote between this apply's read
   * and its StatefulSet write is undone (unless a newer spec was recorded meanwhile, which wins).
   *
   * @throws io.srcn.sdk.internal.apply.SpecSupersededException when another writer recorded another
   *     spec first
   * @throws CnSdkException when the apply fails
   */
  synchronized void applyOver(String basedOn) {
    apply(true, basedOn);
  }

  /** The spec recorded on the group's StatefulSet now (one read), as the raw annotation. */
  Optional<String> recordedNow() {
    return engine.applier.recordedSpec(spec().namespace(), spec().name());
  }

  /**
   * Applies the objects of a group whose StatefulSet exists (never re-creates a deleted group).
   *
   * @throws CnSdkException when the apply fails
   */
  synchronized void repair() {
    apply(false, null);
  }

  private void apply(boolean create, String basedOn) {
    owner.exclusively(
        () -> {
          if (!create) {
            catchUp();
          }
          try {
            if (create && basedOn == null) {
              engine.applier.apply(spec);
            } else if (create) {
              if (engine.applier.applyOver(spec, basedOn).hasChanges()) {
                engine.applier.repair(spec); // what a stale writer elsewhere wrote meanwhile
              }
            } else {
              repairNewest();
            }
            owner.applied(spec);
            applyError = Optional.empty();
            return null;
          } catch (CnSdkException e) {
            applyError = Optional.of(e.getMessage());
            throw e;
          }
        });
  }

  /**
   * Repairs drift; when the repair wrote something, reads the recorded spec again, and if another
   * writer recorded a newer one while the repair decided on the old one (its writes may have undone
   * parts of the newer spec), applies the newest too: the newest spec wins, whichever session wrote
   * it. Bounded: at most {@link #REPAIR_ROUNDS} rounds.
   */
  private void repairNewest() {
    ComputeNodeGroupSpec target = spec;
    for (int round = 0; round < REPAIR_ROUNDS; round++) {
      boolean wrote;
      try {
        wrote = engine.applier.repair(target).hasChanges();
      } catch (SpecSupersededException e) {
        wrote = true; // a newer spec was recorded meanwhile; what was written before may be older
      }
      if (!wrote) {
        return;
      }
      Optional<String> recorded = engine.applier.recordedSpec(spec.namespace(), spec.name());
      if (recorded.isEmpty() || recorded.get().equals(target.toCanonicalJson())) {
        return;
      }
      target = Rebase.onto(ComputeNodeGroupSpec.fromCanonicalJson(recorded.get()), spec);
    }
  }

  /** One registration pass and the resulting status. Suspended groups never add nodes. */
  synchronized GroupStatus pass(SyncMode mode, Duration feMaxAge) {
    return owner.exclusively(() -> passAlone(mode, feMaxAge));
  }

  private GroupStatus passAlone(SyncMode mode, Duration feMaxAge) {
    catchUp();
    Optional<StatefulSet> sts = view.statefulSet(spec.namespace(), spec.name());
    statefulSetUid = sts.map(s -> s.getMetadata().getUid()).orElse(null);
    boolean suspended = Suspension.isSuspended(sts);
    SyncMode effective = suspended && mode == SyncMode.SYNC ? SyncMode.RELEASE : mode;
    SyncReport report = sync.run(effective, feMaxAge);
    GroupStatus now =
        assembler.assemble(
            report, suspended, applyError, spec.frontend().map(f -> f.credentials()));
    lastReport = report.withoutListing(); // nothing reads the listing of a past pass
    StatusTransitions.events(Optional.ofNullable(last), now).forEach(this::publish);
    last = now;
    return now;
  }

  /** Records an event of this group's pass, on the StatefulSet that pass read. */
  private void publish(GroupEvent event) {
    engine.publish(event, statefulSetUid);
  }

  /** Switches to the newest spec of the session when this runtime's spec was replaced meanwhile. */
  private void catchUp() {
    ComputeNodeGroupSpec current = owner.current(spec);
    if (current != spec) {
      if (recordedNow().filter(json -> json.equals(spec.toCanonicalJson())).isPresent()) {
        // the cluster records this spec again: another session wrote it after the session's
        // newest, so it is the newest now (not a cache that lags)
        owner.applied(spec);
        return;
      }
      use(current);
    }
  }

  /** True when the last pass listed the FE and saw no node of the group left. */
  synchronized boolean releasedEverything() {
    if (spec.frontend().isEmpty()) {
      return true;
    }
    return lastReport != null
        && lastReport.frontendError().isEmpty()
        && lastReport.registrationError().isEmpty()
        && lastReport
            .plan()
            .map(p -> p.owned().size() == lastReport.dropped().size())
            .orElse(false);
  }

  /**
   * The owned nodes the last pass's FE listing showed (before its own DROP), as the FE lists them.
   */
  synchronized java.util.List<String> ownedInLastListing() {
    if (lastReport == null || lastReport.plan().isEmpty()) {
      return java.util.List.of();
    }
    return lastReport.plan().get().owned().stream()
        .map(n -> n.node().address().toString())
        .toList();
  }

  /**
   * What the last pass left undone at the FE because the FE could not be asked (unreachable,
   * refusing the login, credentials unresolvable), with the cause; empty when the FE answered.
   */
  synchronized Optional<Map.Entry<PendingWork, CnSdkException>> frontendWorkLeft() {
    if (lastReport == null || spec.frontend().isEmpty()) {
      return Optional.empty();
    }
    Optional<CnSdkException> cause =
        lastReport
            .frontendError()
            .or(() -> lastReport.registrationError().filter(GroupRuntime::unreachable));
    if (cause.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<FeNode>> listing =
        engine.frontends.cluster(spec.frontend().get(), spec.namespace()).lastListing();
    return Optional.of(Map.entry(PendingWork.of(lastReport, listing), cause.get()));
  }

  private static boolean unreachable(CnSdkException e) {
    return e instanceof FrontendUnavailableException || e instanceof FrontendAuthException;
  }

  /** The last pass's FE or registration error. */
  synchronized Optional<CnSdkException> lastError() {
    if (lastReport == null) {
      return Optional.empty();
    }
    return lastReport.frontendError().or(lastReport::registrationError);
  }
}
