package io.srcn.sdk;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A live handle on a deployed CN group: its spec, its joined status, and the operations that change
 * it. Obtained from {@link ComputeNodeGroupSpec#deploy} or {@link ComputeNodeGroups#get}.
 *
 * <p>Every operation works against the cluster and the FE directly and is safe to run while an
 * embedded {@link ComputeNodeController} manages the same group: both follow the same rules, and FE
 * registration is idempotent. Changes to the spec ({@link #scale}, {@link #upgrade}, {@link
 * #updateConfig}, {@link #update}) are applied to Kubernetes and recorded in the StatefulSet's
 * {@code srcn.io/spec} annotation, which is where a restarted process or a controller reads the
 * spec from.
 *
 * <p><b>The newest spec wins, across sessions and processes.</b> A change is built on the spec
 * recorded on the cluster when the call starts (one extra GET), not on the spec this handle last
 * saw: a handle that another session or process has overtaken keeps the other writer's changes and
 * adds its own. The write is a compare-and-set: the StatefulSet's write carries the {@code
 * resourceVersion} of that read, and when another writer recorded a spec in between (HTTP 409), the
 * call re-reads and builds its change again (up to five times). A controller that repaired a group
 * from an older spec while a newer one was written applies the newest right after.
 *
 * <p><b>What the calls wait for.</b> Most calls end with one <em>pass</em>: read the group's
 * StatefulSet, pods and HPA from Kubernetes, then ask the FE ({@code SHOW COMPUTE NODES}; {@code
 * SHOW FRONTENDS} at most once a minute) and send the ADDs and DROPs the pass decides. A pass never
 * waits for pods to start, roll, become Ready or be registered: {@link #awaitReady} does that. Its
 * bounds:
 *
 * <ul>
 *   <li>Each Kubernetes request is bounded by the {@code KubernetesClient}'s own request timeout
 *       and retry settings.
 *   <li>A handle's pass gives up on an FE that cannot be reached after about {@link
 *       Frontend#connectTimeout()} (default 5 s): the FE calls of the pass share that budget
 *       (retrying across the addresses with a short backoff inside it), and an attempt that has
 *       started when it runs out finishes, so an address that drops packets instead of refusing the
 *       connection adds up to one {@code connectTimeout}. An FE that accepts the connection but
 *       does not answer holds a statement for up to {@link Frontend#queryTimeout()} (default 30 s).
 *       Each FE call of a handle method may take that long, but once one found the FE unreachable
 *       the method's later FE calls fail at once, so a method gives up after one {@code
 *       connectTimeout}; the next method tries the FE again. The controller keeps the FE client's
 *       longer retry deadline, {@code min(2 x connectTimeout, 10 s)}, and after a failure fails its
 *       FE calls at once for a cool-down (2 s doubling to 30 s) that handle methods do not wait
 *       out.
 *   <li>A call that changes the group ({@link #scale}, {@link #scaleBetween}, {@link #upgrade},
 *       {@link #updateConfig}, {@link #update}, {@link #resume}) never hides an FE it could not
 *       ask: the Kubernetes change is made first and stands, then, when the pass could not ask the
 *       FE (unreachable, login refused, credentials unresolvable), the call throws {@link
 *       RegistrationPendingException}, which names the group, what is left to register and to drop
 *       and the cause; it returns normally when the FE answered. The FE work is then finished by
 *       the controller or the next {@link #reconcile()} or {@link #awaitReady} once the FE answers;
 *       until then the nodes of removed pods stay registered (the FE reports them not alive), and
 *       no node is ever dropped while its pod may serve. An FE that answers with an error (a
 *       refused statement) is reported in the status ({@code Degraded}, {@link
 *       ConditionReason#REGISTRATION_FAILED}), not thrown.
 *   <li>{@link #status()}, {@link #reconcile()}, {@link #awaitReady} and the first pass of a deploy
 *       report an FE that cannot be asked in the {@link GroupStatus} ({@code Degraded} with {@link
 *       ConditionReason#FRONTEND_UNAVAILABLE}, {@link ConditionReason#FRONTEND_AUTH_FAILED} or
 *       {@link ConditionReason#CREDENTIALS_UNRESOLVABLE}) instead of throwing. {@link #suspend()}
 *       and {@link #delete()} fail on it with {@link NodesNotReleasedException}.
 *   <li>One pass or apply of a group runs at a time in a session: a call first waits for a pass
 *       that the session's controller or another handle is running on the same group to end (the
 *       controller's pass is bounded by its longer FE deadline).
 * </ul>
 *
 * <p>Thread-safe: operations on one handle run one at a time. Close it to release its FE
 * connections.
 */
public interface ComputeNodeGroup extends AutoCloseable {
  /** The group name. Does no I/O and never waits. */
  String name();

  /** The group's namespace. Does no I/O and never waits. */
  String namespace();

  /** The spec the handle last applied. Does no I/O and never waits. */
  ComputeNodeGroupSpec spec();

  /**
   * The joined status: pods, HPA, FE registration and liveness, ghosts, conditions. Observes only
   * (no Kubernetes or FE writes), but freshly: it reads Kubernetes and lists the FE's nodes, so it
   * waits for one pass (see the bounds in the {@linkplain ComputeNodeGroup type's description}); an
   * FE that cannot be asked shows in the conditions, it does not throw.
   *
   * @throws KubernetesOperationException when Kubernetes cannot be read
   */
  GroupStatus status();

  /**
   * One full pass: re-applies the Kubernetes objects where they drifted (unless suspended), adds
   * Ready pods to the FE and drops the group's scaled-in nodes. Waits for the apply and one pass
   * (bounds in the {@linkplain ComputeNodeGroup type's description}); does not wait for pods.
   *
   * @return the status after the pass
   */
  GroupStatus reconcile();

  /**
   * Reconciles until every desired pod is Ready, registered and Alive in the FE: runs a pass,
   * pauses (50 ms doubling to 1 s) and runs another until the status is Ready. The timeout is
   * checked between passes, so the call may return or throw up to one pass later than {@code
   * timeout} (see the bounds in the {@linkplain ComputeNodeGroup type's description}); the first
   * pass runs even with a zero timeout.
   *
   * @return the Ready status
   * @throws ReadinessTimeoutException when {@code timeout} passes first; it says what was last seen
   */
  GroupStatus awaitReady(Duration timeout);

  /**
   * Sets the number of pods of a fixed-size group. Resizing has two paths, one per sizing mode:
   * this one for a fixed size, {@link #scaleBetween(int, int)} for an autoscaled group's bounds;
   * {@code update(s -> s.autoscale(...))} and {@code update(s ->
   * s.withoutAutoscaling().replicas(n))} switch between the modes.
   *
   * <p>Waits for what {@link #update(UnaryOperator)} waits for: the Kubernetes apply and one pass,
   * which adds or drops FE nodes only for pods that are already there or already gone. It does not
   * wait for new pods to start or old ones to stop (the controller, a later pass or {@link
   * #awaitReady} finishes the FE side). With the FE down it returns, by throwing {@link
   * RegistrationPendingException}, about {@code connectTimeout} after the Kubernetes change, which
   * stands; scale-in then leaves the removed pods' nodes registered until the FE answers.
   *
   * @throws InvalidSpecException when the group autoscales (the HPA owns replicas) or {@code
   *     replicas} is invalid
   * @throws RegistrationPendingException when the FE could not be asked; the scale is applied
   */
  ComputeNodeGroup scale(int replicas);

  /**
   * Sets the bounds of an autoscaled group, keeping its metrics and scaling behaviour; the HPA then
   * moves the replicas into the new range. The other resize path: {@link #scale(int)} for a
   * fixed-size group. Waits for what {@link #update(UnaryOperator)} waits for.
   *
   * @throws InvalidSpecException when the group has a fixed size (use {@link #scale(int)}, or
   *     switch it with {@code update(s -> s.autoscale(...))}) or the bounds are invalid
   * @throws RegistrationPendingException when the FE could not be asked; the bounds are applied
   */
  default ComputeNodeGroup scaleBetween(int minReplicas, int maxReplicas) {
    return update(
        s -> {
          Autoscaling current =
              s.autoscaling()
                  .orElseThrow(
                      () ->
                          new InvalidSpecException(
                              "group "
                                  + s.name()
                                  + " has a fixed size of "
                                  + s.replicas()
                                  + ": set it with scale(n), or switch to autoscaling with"
                                  + " update(s -> s.autoscale(Autoscaling.between(min, max)...))"));
          return s.autoscale(
              ImmutableAutoscaling.builder()
                  .from(current)
                  .minReplicas(minReplicas)
                  .maxReplicas(maxReplicas)
                  .build());
        });
  }

  /**
   * Rolls the pods to another image. Waits for what {@link #update(UnaryOperator)} waits for; the
   * roll itself goes on in Kubernetes after the call returns ({@link #awaitReady} waits for it).
   *
   * @throws RegistrationPendingException when the FE could not be asked; the image is applied
   */
  ComputeNodeGroup upgrade(String image);

  /**
   * Adds or changes cn.conf entries; the pods roll (the pod template carries a config hash). Waits
   * for what {@link #update(UnaryOperator)} waits for, not for the roll.
   *
   * @throws RegistrationPendingException when the FE could not be asked; the entries are applied
   */
  ComputeNodeGroup updateConfig(Map<String, String> entries);

  /**
   * Applies any change to the spec, e.g. {@code update(s -> s.autoscale(...))}. The name and
   * namespace cannot change. {@code change} is given the spec recorded on the cluster (the newest,
   * whoever wrote it) and may run more than once when another writer records a spec at the same
   * time (see the {@linkplain ComputeNodeGroup type's description}); it must not have side effects.
   * Waits for the Kubernetes apply (one read of the recorded spec, the apply, and a check read of
   * the objects when something changed) and one pass, bounded by about {@code connectTimeout} for
   * the FE; not for pods to start, roll or stop. On a suspended group nothing is applied: the
   * change is held by this handle and applied by its {@link #resume()} (another session's handle
   * does not see it).
   *
   * @throws InvalidSpecException when the result is invalid; nothing is applied then
   * @throws RegistrationPendingException when the change is applied but the FE could not be asked
   *     (what is left is named; the controller or a later call finishes it)
   * @throws KubernetesOperationException when Kubernetes refuses a write; the handle keeps its
   *     previous spec
   */
  ComputeNodeGroup update(UnaryOperator<ComputeNodeGroupSpec> change);

  /**
   * Stops the group but keeps its objects: deletes the HPA, scales to 0 (each pod stops
   * gracefully), drops the group's nodes from the FE as their pods go, and waits (bounded by the
   * termination grace period plus a minute) until none is left. It polls with a pass every 50 ms to
   * 1 s; the bound is checked between passes, so the call may take one pass longer, plus a final
   * pass that drops every owned node left. It fails on the first pass the FE cannot answer (so with
   * the FE down it returns, with an exception, after about one pass's FE bound).
   *
   * @throws NodesNotReleasedException when the FE cannot be reached to drop the nodes; the group
   *     stays suspended and a later call completes it
   */
  void suspend();

  /**
   * Restores a suspended group: its replicas (or HPA) and registration. Waits for the Kubernetes
   * writes and one pass, not for the pods to start ({@link #awaitReady} does). Returns at once for
   * a group that is not suspended.
   *
   * @throws RegistrationPendingException when the group is resumed but the FE could not be asked
   *     (within about {@code connectTimeout})
   */
  void resume();

  /**
   * Deletes the group: HPA first, scale to 0, wait for the pods to go (bounded), drop every owned
   * node from the FE, then delete the objects and the ledger. Idempotent. Returns only once a fresh
   * FE listing, taken after the objects are gone, shows no node the group owns (a node another
   * engine's in-flight ADD left behind is dropped first). Waits for what {@link #suspend()} waits
   * for (up to the termination grace period plus a minute, plus a pass), then for up to three more
   * listings and two drop passes (bounds in the {@linkplain ComputeNodeGroup type's description}).
   *
   * @throws NodesNotReleasedException when the FE cannot be reached; the group is then left
   *     suspended with its objects, so nothing is lost and a later call completes the delete; or
   *     when the FE still lists nodes of the group after the delete ({@link
   *     NodesNotReleasedException#remaining()} names them)
   */
  void delete();

  /**
   * Registers a listener for this group's events (registrations, drops, failures). Does no I/O and
   * never waits.
   */
  ComputeNodeGroup addListener(GroupEventListener listener);

  /**
   * The names of the group's Kubernetes objects and pods. Does not call the cluster, never waits.
   */
  default GroupObjectNames objectNames() {
    return spec().objectNames();
  }

  /**
   * Releases the handle's FE connections (and, for a handle that owns its session, the session).
   * Sends nothing to Kubernetes or the FE and does not wait for them.
   */
  @Override
  void close();
}
