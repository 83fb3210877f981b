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
 * <p>Thread-safe: operations on one handle run one at a time. Close it to release its FE
 * connections.
 */
public interface ComputeNodeGroup extends AutoCloseable {
  /** The group name. */
  String name();

  /** The group's namespace. */
  String namespace();

  /** The spec the handle last applied. */
  ComputeNodeGroupSpec spec();

  /**
   * The joined status: pods, HPA, FE registration and liveness, ghosts, conditions. Observes only
   * (no Kubernetes or FE writes).
   *
   * @throws KubernetesOperationException when Kubernetes cannot be read
   */
  GroupStatus status();

  /**
   * One full pass: re-applies the Kubernetes objects where they drifted (unless suspended), adds
   * Ready pods to the FE and drops the group's scaled-in nodes.
   *
   * @return the status after the pass
   */
  GroupStatus reconcile();

  /**
   * Reconciles until every desired pod is Ready, registered and Alive in the FE.
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
   * @throws InvalidSpecException when the group autoscales (the HPA owns replicas) or {@code
   *     replicas} is invalid
   */
  ComputeNodeGroup scale(int replicas);

  /**
   * Sets the bounds of an autoscaled group, keeping its metrics and scaling behaviour; the HPA then
   * moves the replicas into the new range. The other resize path: {@link #scale(int)} for a
   * fixed-size group. Waits for what {@link #update(UnaryOperator)} waits for.
   *
   * @throws InvalidSpecException when the group has a fixed size (use {@link #scale(int)}, or
   *     switch it with {@code update(s -> s.autoscale(...))}) or the bounds are invalid
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

  /** Rolls the pods to another image. */
  ComputeNodeGroup upgrade(String image);

  /** Adds or changes cn.conf entries; the pods roll (the pod template carries a config hash). */
  ComputeNodeGroup updateConfig(Map<String, String> entries);

  /**
   * Applies any change to the spec, e.g. {@code update(s -> s.autoscale(...))}. The name and
   * namespace cannot change.
   *
   * @throws InvalidSpecException when the result is invalid; nothing is applied then
   */
  ComputeNodeGroup update(UnaryOperator<ComputeNodeGroupSpec> change);

  /**
   * Stops the group but keeps its objects: deletes the HPA, scales to 0 (each pod stops
   * gracefully), drops the group's nodes from the FE as their pods go, and waits (bounded by the
   * termination grace period plus a minute) until none is left.
   *
   * @throws NodesNotReleasedException when the FE cannot be reached to drop the nodes; the group
   *     stays suspended and a later call completes it
   */
  void suspend();

  /** Restores a suspended group: its replicas (or HPA) and registration. */
  void resume();

  /**
   * Deletes the group: HPA first, scale to 0, wait for the pods to go (bounded), drop every owned
   * node from the FE, then delete the objects and the ledger. Idempotent. Returns only once a fresh
   * FE listing, taken after the objects are gone, shows no node the group owns (a node another
   * engine's in-flight ADD left behind is dropped first).
   *
   * @throws NodesNotReleasedException when the FE cannot be reached; the group is then left
   *     suspended with its objects, so nothing is lost and a later call completes the delete; or
   *     when the FE still lists nodes of the group after the delete ({@link
   *     NodesNotReleasedException#remaining()} names them)
   */
  void delete();

  /** Registers a listener for this group's events (registrations, drops, failures). */
  ComputeNodeGroup addListener(GroupEventListener listener);

  /** Releases the handle's FE connections. */
  /** The names of the group's Kubernetes objects and pods. Does not call the cluster. */
  default GroupObjectNames objectNames() {
    return spec().objectNames();
  }

  @Override
  void close();
}
