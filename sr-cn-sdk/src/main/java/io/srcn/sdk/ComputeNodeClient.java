package io.srcn.sdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.sync.Engine;
import io.srcn.sdk.internal.sync.GroupHandle;
import io.srcn.sdk.internal.sync.RecordedSpec;
import java.time.Clock;
import java.util.Objects;

/**
 * The one entry point that works on a cluster: a session on a {@link KubernetesClient} that deploys
 * specs, re-attaches to deployed groups and builds the embedded controller. It owns what those
 * share: one FE client, {@code SHOW COMPUTE NODES} snapshot and circuit breaker per FE cluster, one
 * background thread posting Kubernetes Events, and the cluster's API discovery (which HPA version
 * it serves). N handles from one session cost one FE connection per FE cluster, not N.
 *
 * <pre>{@code
 * try (ComputeNodeClient cn = ComputeNodeClient.create(kube)) {
 *   ComputeNodeGroup group = cn.deploy(spec);
 *   group.awaitReady(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Handles and controllers made from a session stop working when it closes; closing one of them
 * does not close the session. The Kubernetes client is not closed: it belongs to the caller. {@link
 * ComputeNodeGroupSpec#deploy(KubernetesClient)}, {@link ComputeNodeGroups#get(KubernetesClient,
 * String, String)} and {@link ComputeNodeController#builder(KubernetesClient)} are shorthands that
 * open a private session owned by the handle or controller they return.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class ComputeNodeClient implements AutoCloseable {
  private final KubernetesClient kube;
  private final Engine engine;

  private ComputeNodeClient(KubernetesClient kube, CredentialsResolver resolver, Clock clock) {
    this.kube = kube;
    this.engine = new Engine(kube, resolver, clock);
  }

  /**
   * A session on {@code kube} reading FE credentials given as Secret references from the group's
   * namespace ({@link CredentialsResolver#kubernetes(KubernetesClient)}).
   */
  public static ComputeNodeClient create(KubernetesClient kube) {
    return builder(kube).build();
  }

  /** A builder for a session on {@code kube}. */
  public static Builder builder(KubernetesClient kube) {
    return new Builder(kube);
  }

  /**
   * Deploys a group: applies its Kubernetes objects and runs a first registration pass; returns
   * when both are done (it does not wait for the pods: see {@link ComputeNodeGroup#awaitReady}).
   *
   * @param listeners see every event of the group from the first registration pass on
   * @return a handle sharing this session
   * @throws InvalidSpecException when the spec is incomplete or invalid; nothing is applied then
   * @throws KubernetesOperationException when an object cannot be applied
   */
  public ComputeNodeGroup deploy(ComputeNodeGroupSpec spec, GroupEventListener... listeners) {
    return GroupHandle.deploy(engine, false, Objects.requireNonNull(spec, "spec"), listeners);
  }

  /**
   * Re-attaches to a deployed group from the spec recorded on its StatefulSet ({@code
   * srcn.io/spec}); one GET, nothing written. A group deployed with literal FE credentials cannot
   * recover its password from the cluster: build the session with a {@link CredentialsResolver}
   * that supplies it, otherwise its status reports {@code Degraded}.
   *
   * @return a handle sharing this session
   * @throws GroupNotFoundException when there is no such group
   * @throws RecordedSpecException when the StatefulSet was not deployed by sr-cn-sdk
   */
  public ComputeNodeGroup group(String namespace, String name) {
    ComputeNodeGroupSpec spec = RecordedSpec.read(kube, namespace, name);
    return GroupHandle.attach(engine, false, spec);
  }

  /**
   * Applies a group's Kubernetes objects only, without registering anything with the FE (a
   * controller does that); returns when every object is written.
   *
   * @return what was created or updated, object by object
   * @throws InvalidSpecException when the spec is incomplete or invalid; nothing is applied then
   * @throws KubernetesOperationException when an object cannot be applied
   */
  public Plan apply(ComputeNodeGroupSpec spec) {
    return engine.apply(spec.validate());
  }

  /**
   * What deploying {@code spec} would change, object by object, without writing (one GET per
   * object, plus API discovery once per session).
   *
   * @throws InvalidSpecException when the spec is incomplete
   * @throws KubernetesOperationException when a read fails
   */
  public Plan plan(ComputeNodeGroupSpec spec) {
    return engine.plan(spec);
  }

  /** A builder for a controller sharing this session (its FE clients, events and caches). */
  public ComputeNodeController.Builder controller() {
    return new ComputeNodeController.Builder(kube, engine);
  }

  /** Closes the FE connections and stops the events thread; idempotent. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "ComputeNodeClient{" + kube.getMasterUrl() + "}";
  }

  /** Builds a {@link ComputeNodeClient}. Not thread-safe. */
  public static final class Builder {
    private final KubernetesClient kube;
    private CredentialsResolver resolver;
    private Clock clock = Clock.systemUTC();

    private Builder(KubernetesClient kube) {
      this.kube = Objects.requireNonNull(kube, "kube");
    }

    /** How FE credentials are resolved; default: Secrets through the session's client. */
    public Builder credentialsResolver(CredentialsResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** The clock of status conditions and events; default: the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The session. */
    public ComputeNodeClient build() {
      return new ComputeNodeClient(
          kube, resolver == null ? CredentialsResolver.kubernetes(kube) : resolver, clock);
    }
  }
}
