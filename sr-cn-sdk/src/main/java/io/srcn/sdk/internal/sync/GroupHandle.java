package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.ReadinessTimeoutException;
import io.srcn.sdk.RegistrationPendingException;
import io.srcn.sdk.internal.CallBudget;
import io.srcn.sdk.internal.apply.SpecSupersededException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@link ComputeNodeGroup} handle: drives one group through its {@link GroupRuntime}, reading
 * Kubernetes directly (no informers) and the FE freshly on every pass.
 *
 * <p>Thread-safe: operations that change the group are synchronized on the handle; {@link
 * #awaitReady} polls without holding that lock (each pass runs under the group runtime's own lock),
 * so {@code status()} from another thread is answered after at most one pass.
 */
public final class GroupHandle implements ComputeNodeGroup {
  /** How often an update is rebuilt on a spec another writer recorded meanwhile. */
  private static final int UPDATE_ATTEMPTS = 5;

  private final Engine engine;
  private final boolean ownsEngine;
  private final GroupRuntime runtime;
  private final Lifecycle lifecycle;

  private GroupHandle(Engine engine, boolean ownsEngine, ComputeNodeGroupSpec spec) {
    this.engine = engine;
    this.ownsEngine = ownsEngine;
    this.runtime =
        new GroupRuntime(engine, spec, new DirectClusterView(engine.client, engine.hpaV2()));
    this.lifecycle = new Lifecycle(engine, runtime);
  }

  /**
   * Applies the spec and runs a first registration pass; the handle closes {@code engine} on close
   * when {@code ownsEngine}.
   */
  public static GroupHandle deploy(
      Engine engine,
      boolean ownsEngine,
      ComputeNodeGroupSpec spec,
      GroupEventListener... listeners) {
    GroupHandle handle = new GroupHandle(engine, ownsEngine, spec.validate());
    for (GroupEventListener l : listeners) {
      handle.addListener(l);
    }
    try {
      handle.runtime.apply();
      handle.boundedPass();
      return handle;
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  /**
   * A handle on a group already deployed with {@code spec} (read from its annotation); it closes
   * {@code engine} on close when {@code ownsEngine}.
   */
  public static GroupHandle attach(Engine engine, boolean ownsEngine, ComputeNodeGroupSpec spec) {
    return new GroupHandle(engine, ownsEngine, spec);
  }

  @Override
  public String name() {
    return runtime.spec().name();
  }

  @Override
  public String namespace() {
    return runtime.spec().namespace();
  }

  @Override
  public ComputeNodeGroupSpec spec() {
    return runtime.spec();
  }

  @Override
  public synchronized GroupStatus status() {
    return CallBudget.within(feBudget(), () -> runtime.pass(SyncMode.OBSERVE, Duration.ZERO));
  }

  @Override
  public synchronized GroupStatus reconcile() {
    if (!lifecycle.isSuspended()) {
      Optional<String> recorded = adoptRecorded();
      runtime.applyOver(recorded.orElse(null));
    }
    return boundedPass();
  }

  /**
   * Switches to the spec recorded on the cluster when another writer (another session or process)
   * recorded a newer one than this handle holds, so a re-apply never undoes it; returns the
   * recorded annotation (empty when the group has no StatefulSet).
   */
  private Optional<String> adoptRecorded() {
    ComputeNodeGroupSpec held = runtime.spec();
    Optional<String> recorded = runtime.recordedNow();
    recorded
        .filter(json -> !json.equals(held.toCanonicalJson()))
        .ifPresent(
            json -> runtime.use(Rebase.onto(ComputeNodeGroupSpec.fromCanonicalJson(json), held)));
    return recorded;
  }

  /**
   * One registration pass whose FE calls give up after about {@link Frontend#connectTimeout()} (the
   * handle methods' bound), instead of the FE client's longer retry deadline.
   */
  private GroupStatus boundedPass() {
    return CallBudget.within(feBudget(), () -> runtime.pass(SyncMode.SYNC, Duration.ZERO));
  }

  private Duration feBudget() {
    return runtime.spec().frontend().map(Frontend::connectTimeout).orElse(Duration.ZERO);
  }

  /**
   * Throws {@link RegistrationPendingException} when the last pass could not ask the FE: the
   * Kubernetes change stands, the FE work is left to the controller or a later call.
   */
  private void finishFrontendWork() {
    runtime
        .frontendWorkLeft()
        .ifPresent(
            left -> {
              throw new RegistrationPendingException(
                  namespace() + "/" + name(),
                  left.getKey().toRegister(),
                  left.getKey().toDrop(),
                  left.getValue());
            });
  }

  @Override
  public GroupStatus awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int round = 0;
    GroupStatus status = boundedPass();
    while (!status.isReady()) {
      if (System.nanoTime() >= deadline) {
        throw new ReadinessTimeoutException(
            namespace() + "/" + name(), "pods Ready, registered and Alive in the FE", status);
      }
      Lifecycle.pause(Lifecycle.POLL.nominal(round++));
      status = boundedPass();
    }
    return status;
  }

  @Override
  public synchronized ComputeNodeGroup scale(int replicas) {
    return update(
        s -> {
          s.autoscaling()
              .ifPresent(
                  a -> {
                    throw new InvalidSpecException(
                        List.of(
                            new Violation(
                                "replicas",
                                "group "
                                    + name()
                                    + " autoscales between "
                                    + a.minReplicas()
                                    + " and "
                                    + a.maxReplicas()
                                    + "; the HPA owns replicas: change the policy with"
                                    + " update(s -> s.autoscale(...)) or remove it with"
                                    + " update(s -> s.withoutAutoscaling())")));
                  });
          return s.replicas(replicas);
        });
  }

  @Override
  public ComputeNodeGroup upgrade(String image) {
    return update(s -> s.image(image));
  }

  @Override
  public ComputeNodeGroup updateConfig(Map<String, String> entries) {
    return update(s -> s.config(entries));
  }

  @Override
  public synchronized ComputeNodeGroup update(UnaryOperator<ComputeNodeGroupSpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return updateOnce(change);
      } catch (SpecSupersededException e) {
        if (attempt >= UPDATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * One compare-and-set round of {@link #update}: builds {@code change} on the spec recorded on the
   * cluster (the newest, whoever wrote it), applies it only if that is still recorded, then runs
   * one pass.
   */
  private ComputeNodeGroup updateOnce(UnaryOperator<ComputeNodeGroupSpec> change) {
    ComputeNodeGroupSpec held = runtime.spec();
    Optional<String> recorded = runtime.recordedNow();
    ComputeNodeGroupSpec current =
        recorded
            .filter(json -> !json.equals(held.toCanonicalJson()))
            .map(json -> Rebase.onto(ComputeNodeGroupSpec.fromCanonicalJson(json), held))
            .orElse(held);
    ComputeNodeGroupSpec next = Objects.requireNonNull(change.apply(current), "change result");
    if (!next.name().equals(current.name()) || !next.namespace().equals(current.namespace())) {
      throw new InvalidSpecException(
          List.of(
              new Violation(
                  "metadata",
                  "update cannot rename or move a group ("
                      + current.namespace()
                      + "/"
                      + current.name()
                      + " -> "
                      + next.namespace()
                      + "/"
                      + next.name()
                      + "); deploy a new group instead")));
    }
    next.validate();
    runtime.use(next);
    if (!lifecycle.isSuspended()) {
      try {
        runtime.applyOver(recorded.orElse(null));
      } catch (CnSdkException e) {
        runtime.use(held);
        throw e;
      }
      boundedPass();
      finishFrontendWork();
    }
    return this;
  }

  @Override
  public synchronized void suspend() {
    CallBudget.within(
        feBudget(),
        () -> {
          lifecycle.suspend();
          return null;
        });
  }

  @Override
  public synchronized void resume() {
    adoptRecorded(); // a newer spec another session recorded while suspended is the one to restore
    if (CallBudget.within(feBudget(), lifecycle::resume)) {
      finishFrontendWork();
    }
  }

  @Override
  public synchronized void delete() {
    CallBudget.within(
        feBudget(),
        () -> {
          lifecycle.delete();
          return null;
        });
  }

  @Override
  public ComputeNodeGroup addListener(GroupEventListener listener) {
    engine.addListener(new GroupKey(namespace(), name()), listener);
    return this;
  }

  @Override
  public void close() {
    if (ownsEngine) {
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "ComputeNodeGroup{" + namespace() + "/" + name() + "}";
  }
}
