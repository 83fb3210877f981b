package io.srcn.sdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.sync.Controller;
import io.srcn.sdk.internal.sync.ControllerSettings;
import io.srcn.sdk.internal.sync.Engine;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded controller: keeps every CN group the SDK manages converged, in this process.
 *
 * <p>It watches the StatefulSets, Pods and HPAs labelled {@code
 * app.kubernetes.io/managed-by=sr-cn-sdk} (in one namespace or the whole cluster, optionally only
 * those with extra labels, to shard groups across controller instances), recovers each group's spec
 * from its StatefulSet's {@code srcn.io/spec} annotation, and reconciles a group whenever one of
 * its objects changes (events are coalesced per group) and on a periodic resync that repairs FE
 * drift: it re-adds nodes the FE lost and drops the group's ghosts, listing each FE cluster once
 * per resync whatever the number of groups. With leader election (a Kubernetes Lease), only the
 * leader of several replicas works; another takes over when it stops.
 *
 * <pre>{@code
 * ComputeNodeController controller = ComputeNodeController.builder(kube)
 *     .namespace("starrocks")
 *     .leaderElection("starrocks", "sr-cn-sdk", podName)
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Groups deployed with literal FE credentials cannot recover the password from the cluster:
 * configure a {@link CredentialsResolver} that supplies it, otherwise those groups report a {@code
 * Degraded} condition and are not registered.
 *
 * <p>Thread-safe.
 */
public interface ComputeNodeController extends AutoCloseable {
  /**
   * A builder for a controller on {@code kube} with a private session (its own FE clients and
   * events thread, closed when the controller stops). To share them with handles, build the
   * controller from {@link ComputeNodeClient#controller()} instead.
   */
  static Builder builder(KubernetesClient kube) {
    return new Builder(kube, null);
  }

  /** Starts watching and reconciling (or campaigning for leadership); idempotent. */
  ComputeNodeController start();

  /**
   * Stops; releases leadership, informers and FE connections. The controller cannot restart. Waits
   * for the group passes in flight to finish their requests (up to 5 s, then interrupts them).
   */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  void close();

  /** True when this instance is working: started, and the leader when leader election is on. */
  boolean isLeader();

  /** The last status of a group, when the controller has reconciled it. */
  Optional<GroupStatus> status(String namespace, String name);

  /** The last status of every group it manages. */
  List<GroupStatus> statuses();

  /** Queues a group for an immediate pass. */
  void reconcile(String namespace, String name);

  /** Listens to the events of every group. */
  void addListener(GroupEventListener listener);

  /** Builds a {@link ComputeNodeController}. Not thread-safe. */
  /**
   * Counters of a controller, read live; for monitoring and benchmarks.
   *
   * <p>Thread-safe.
   */
  interface Metrics {
    /**
     * How many times the FE clusters of this controller's session were listed ({@code SHOW COMPUTE
     * NODES}), all together, since the session opened.
     */
    long frontendListings();

    /** Groups this instance currently reconciles (0 when it is not the leader). */
    int groups();

    /**
     * Kubernetes Events of this controller's session waiting to be posted (events folded while
     * waiting count once); 0 when every event recorded so far is posted, failed or dropped.
     */
    long eventsPending();

    /**
     * Requests made to post Kubernetes Events since the session opened: creates, count updates and
     * failed attempts. Events folded into one waiting to be posted make none.
     */
    long eventRequests();

    /** Events not posted as Kubernetes Events because the queue was full (listeners saw them). */
    long eventsDropped();
  }

  /** A live read-only view of this controller's counters. */
  Metrics metrics();

  final class Builder {
    private final KubernetesClient kube;
    private final Engine engine;
    private String namespace;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Duration resync = Duration.ofSeconds(30);
    private int workers = 4;
    private Duration batchWindow = Duration.ofMillis(100);
    private CredentialsResolver resolver;
    private String leaseNamespace;
    private String leaseName;
    private String identity;
    private Duration leaseDuration = Duration.ofSeconds(15);

    Builder(KubernetesClient kube, Engine engine) {
      this.kube = Objects.requireNonNull(kube, "kube");
      this.engine = engine;
    }

    /** Watches one namespace (default: the whole cluster). */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Manages only groups whose objects also carry this label (sharding). */
    public Builder withLabel(String key, String value) {
      labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** How often every group is re-checked against the FE (default 30 s). */
    public Builder resyncPeriod(Duration period) {
      this.resync = Objects.requireNonNull(period, "period");
      return this;
    }

    /** Threads reconciling groups in parallel (default 4). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * How long a settling group's events must be quiet before its pass starts (default 100 ms; 0 to
     * 5 s); the pass waits at most ten windows after the event that started the wait. A group is
     * settling while pods of a change are still starting, missing, surplus or terminating (its pod
     * count differs from the StatefulSet's replicas, or a pod is not Ready or is going away); each
     * of its events pushes the pass out by the window, so the pods of one scale event that turn
     * Ready less than a window apart share one pass and one {@code ADD}. Once the group is settled
     * (the last pod of a scale-out turned Ready, an object was edited) the pass starts at once and
     * ends the wait; a pod that never turns Ready delays the others' registration by one window
     * after the group's last event. Registration uses group commit whatever the window: {@code
     * ADD}s asked for while an {@code ADD} to the same FE cluster is in flight (from this group or
     * another) go out together in the next {@code ADD}. A window of 0 starts every pass at once
     * (more passes and {@code ADD}s, see docs/PERFORMANCE.md, "Group commit").
     */
    public Builder batchWindow(Duration window) {
      this.batchWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Resolves FE credentials (default: read Secrets through {@code kube}). */
    public Builder credentialsResolver(CredentialsResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Works only while holding the Lease {@code namespace/name}, as {@code identity} (unique per
     * instance, e.g. the pod name).
     */
    public Builder leaderElection(String namespace, String name, String identity) {
      this.leaseNamespace = Objects.requireNonNull(namespace, "namespace");
      this.leaseName = Objects.requireNonNull(name, "name");
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** The Lease duration (default 15 s); renewals happen well within it. */
    public Builder leaseDuration(Duration duration) {
      this.leaseDuration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Builds the controller (not started).
     *
     * @throws InvalidSpecException naming every setting out of range (as a spec does)
     */
    public ComputeNodeController build() {
      ControllerSettings settings =
          new ControllerSettings(
              Optional.ofNullable(namespace),
              Map.copyOf(labels),
              resync,
              workers,
              batchWindow,
              Optional.ofNullable(leaseName)
                  .map(
                      n ->
                          new ControllerSettings.Lease(
                              leaseNamespace, n, identity, leaseDuration)));
      if (engine != null) {
        if (resolver != null) {
          throw new IllegalStateException(
              "a controller built from a ComputeNodeClient uses the session's credentials"
                  + " resolver; set it on ComputeNodeClient.builder(kube).credentialsResolver(...)");
        }
        return new Controller(kube, engine, false, settings);
      }
      Engine own =
          new Engine(
              kube,
              resolver == null ? CredentialsResolver.kubernetes(kube) : resolver,
              Clock.systemUTC());
      return new Controller(kube, own, true, settings);
    }
  }
}
