package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.Condition;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.status.AddressMismatch;
import io.srcn.sdk.internal.status.ConditionFacts;
import io.srcn.sdk.internal.status.Conditions;
import io.srcn.sdk.internal.status.Hints;
import io.srcn.sdk.internal.status.NotAliveTracker;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link SyncReport} into the group's {@link GroupStatus}: one row per pod joining its
 * Kubernetes state with its FE row, the owned ghosts, and the conditions. Keeps what the conditions
 * need across passes (the previous conditions, how long nodes have been Alive=false).
 *
 * <p>FE times ({@code LastHeartbeat}) carry no zone; they are read in this JVM's default zone.
 *
 * <p>Thread-safe.
 */
final class StatusAssembler {
  private final GroupIdentity id;
  private final NotAliveTracker notAlive = new NotAliveTracker();
  private List<Condition> previous = List.of();

  StatusAssembler(GroupIdentity id) {
    this.id = id;
  }

  /**
   * The status of a pass; {@code suspended} and {@code applyError} come from the engine, {@code
   * credentials} (the spec's, to say where a refused password comes from) from the spec.
   */
  synchronized GroupStatus assemble(
      SyncReport r,
      boolean suspended,
      Optional<String> applyError,
      Optional<Credentials> credentials) {
    Map<HostPort, FeNode> listed = FeListingIndex.of(r.feNodes()).listed();
    List<NodeStatus> nodes = r.pods().stream().map(p -> node(p, listed, r)).toList();
    GroupStatus draft =
        GroupStatus.builder()
            .namespace(id.namespace())
            .name(id.group())
            .observedGeneration(r.statefulSet().map(StatusAssembler::generation).orElse(0L))
            .observedAt(r.at())
            .desiredReplicas(r.replicas())
            .currentReplicas((int) r.pods().stream().filter(p -> !p.terminating()).count())
            .readyReplicas((int) r.pods().stream().filter(PodView::serving).count())
            .hpa(r.hpa().map(StatusAssembler::hpa))
            .nodes(nodes)
            .ghosts(ghosts(r))
            .addressModeInUse(r.addressMode().map(AddressModes.Choice::inUse))
            .addressModeReason(r.addressMode().map(AddressModes.Choice::reason))
            .build();
    ConditionFacts facts = facts(draft, r, suspended, applyError, credentials);
    List<Condition> conditions = Conditions.compute(facts, previous, r.at());
    previous = conditions;
    return draft.withConditions(conditions);
  }

  private ConditionFacts facts(
      GroupStatus draft,
      SyncReport r,
      boolean suspended,
      Optional<String> applyError,
      Optional<Credentials> credentials) {
    Optional<CnSdkException> fe = r.frontendError();
    return ConditionFacts.builderFor(draft)
        .suspended(suspended)
        .frontendError(
            fe.filter(e -> !isCredentials(e) && !isRefused(e)).map(Throwable::getMessage))
        .credentialsError(fe.filter(StatusAssembler::isCredentials).map(Throwable::getMessage))
        .authError(fe.filter(StatusAssembler::isRefused).map(e -> refused(e, credentials)))
        .registrationError(r.registrationError().map(Throwable::getMessage))
        .applyError(applyError)
        .mismatches(mismatches(r))
        .notAliveSince(notAlive.update(draft.nodes(), r.at()))
        .build();
  }

  private NodeStatus node(PodView pod, Map<HostPort, FeNode> listed, SyncReport r) {
    Optional<HostPort> address = r.identity().addressOf(pod);
    Optional<FeNode> fe = address.map(RegistrationPlanner::normalize).map(listed::get);
    Optional<ComputeNode> row = fe.flatMap(FeNode::detail);
    NodeStatus node =
        NodeStatus.builder()
            .pod(pod.name())
            .ordinal(pod.ordinal())
            .address(address.map(HostPort::toString))
            .phase(pod.phase())
            .ready(pod.ready())
            .terminating(pod.terminating())
            .restarts(pod.restarts())
            .registered(fe.isPresent())
            .alive(fe.map(FeNode::alive))
            .statusCode(fe.flatMap(FeNode::statusCode))
            .lastHeartbeat(
                row.flatMap(ComputeNode::lastHeartbeat)
                    .map(t -> t.atZone(ZoneId.systemDefault()).toInstant()))
            .runningQueries(
                row.map(ComputeNode::numRunningQueries).orElse(java.util.OptionalInt.empty()))
            .errMsg(fe.map(FeNode::errMsg).filter(s -> !s.isEmpty()))
            .build();
    return Hints.apply(node);
  }

  private static List<GhostNode> ghosts(SyncReport r) {
    if (r.plan().isEmpty()) {
      return List.of();
    }
    RegistrationPlan plan = r.plan().get();
    Set<HostPort> dropped =
        r.dropped().stream().map(RegistrationPlanner::normalize).collect(Collectors.toSet());
    Set<HostPort> pending =
        plan.toDrop().stream().map(n -> n.node().address()).collect(Collectors.toSet());
    return plan.ghosts().stream()
        .filter(g -> !dropped.contains(RegistrationPlanner.normalize(g.node().address())))
        .map(
            g ->
                GhostNode.builder()
                    .address(g.node().address().toString())
                    .ordinal(g.ordinal())
                    .alive(g.node().alive())
                    .errMsg(Optional.of(g.node().errMsg()).filter(s -> !s.isEmpty()))
                    .dropPending(pending.contains(g.node().address()))
                    .build())
        .toList();
  }

  private List<AddressMismatch> mismatches(SyncReport r) {
    return r.plan().map(RegistrationPlan::mismatched).orElse(List.of()).stream()
        .map(r.identity()::mismatch)
        .toList();
  }

  private static HpaStatus hpa(HpaView h) {
    return HpaStatus.builder()
        .minReplicas(h.minReplicas())
        .maxReplicas(h.maxReplicas())
        .currentReplicas(h.currentReplicas())
        .desiredReplicas(h.desiredReplicas())
        .lastScaleTime(h.lastScaleTime())
        .apiVersion(h.apiVersion())
        .build();
  }

  private static long generation(StatefulSet sts) {
    Long g = sts.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }

  /**
   * No usable credentials: the Secret or its key is missing, or there is no password to log in with
   * (an auth error the SDK raised itself, error code 0, before asking the FE).
   */
  private static boolean isCredentials(CnSdkException e) {
    return !(e instanceof FrontendException)
        || (isAuth(e) && ((FrontendException) e).errorCode() == 0);
  }

  /** The credentials were resolved and sent, and the FE refused them. */
  private static boolean isRefused(CnSdkException e) {
    return isAuth(e) && ((FrontendException) e).errorCode() != 0;
  }

  private static boolean isAuth(CnSdkException e) {
    return e instanceof FrontendAuthException;
  }

  /** The FE's refusal (which names the user, never the password) with the fix. */
  static String refused(CnSdkException e, Optional<Credentials> credentials) {
    String source =
        credentials
            .flatMap(
                c ->
                    c.secretName()
                        .map(
                            s ->
                                "the password in Secret "
                                    + s
                                    + " (key "
                                    + c.passwordKey()
                                    + ", user key "
                                    + c.userKey()
                                    + ")"))
            .orElse("the password of the spec's literal credentials");
    return e.getMessage()
        + ". Fix: check that "
        + source
        + " is that FE user's password, and that the user holds the NODE and OPERATE system"
        + " privileges (GRANT NODE, OPERATE ON SYSTEM TO USER ...)";
  }
}
