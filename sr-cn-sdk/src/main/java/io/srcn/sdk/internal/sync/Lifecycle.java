package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.NodesNotReleasedException;
import io.srcn.sdk.OperationInterruptedException;
import io.srcn.sdk.internal.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspend, resume and delete as ordered steps. Both suspend and delete first mark the group
 * suspended (so no controller re-applies it or adds nodes), delete the HPA (so it stops scaling),
 * scale to 0 (each pod stops gracefully through its preStop hook), and drop the group's nodes from
 * the FE as their pods go. After a bound (termination grace period plus a minute) every owned node
 * left is dropped anyway. If the FE cannot be reached the call fails and the group stays suspended
 * with its objects, so nothing is lost and calling again completes it.
 *
 * <p>Not thread-safe; the handle serializes calls.
 */
final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
  private static final Duration EXTRA_WAIT = Duration.ofMinutes(1);
  private static final int CONFIRM_ATTEMPTS = 3;

  /** The pause between polls of a handle's waits: 50 ms doubling to 1 s. */
  static final Backoff POLL = Backoff.doubling(Duration.ofMillis(50), Duration.ofSeconds(1));

  private final Engine engine;
  private final GroupRuntime runtime;

  Lifecycle(Engine engine, GroupRuntime runtime) {
    this.engine = engine;
    this.runtime = runtime;
  }

  boolean isSuspended() {
    ComputeNodeGroupSpec spec = runtime.spec();
    return Suspension.isSuspended(
        new DirectClusterView(engine.client, true).statefulSet(spec.namespace(), spec.name()));
  }

  void suspend() {
    ComputeNodeGroupSpec spec = runtime.spec();
    if (statefulSetExists(spec)) {
      Suspension.mark(engine.client, spec.namespace(), spec.name());
      engine.applier.deleteAutoscaler(spec.namespace(), spec.name());
      Suspension.scale(engine.client, spec.namespace(), spec.name(), 0);
    }
    releaseAll(spec);
  }

  boolean resume() {
    ComputeNodeGroupSpec spec = runtime.spec();
    var sts = new DirectClusterView(engine.client, true).statefulSet(spec.namespace(), spec.name());
    if (!Suspension.isSuspended(sts)) {
      return false;
    }
    int restore =
        spec.autoscaling()
            .map(a -> Math.max(a.minReplicas(), Suspension.savedReplicas(sts).orElse(1)))
            .orElse(spec.replicas());
    Suspension.scale(engine.client, spec.namespace(), spec.name(), restore);
    Suspension.clear(engine.client, spec.namespace(), spec.name());
    runtime.apply();
    runtime.pass(SyncMode.SYNC, Duration.ZERO);
    return true;
  }

  void delete() {
    ComputeNodeGroupSpec spec = runtime.spec();
    suspend();
    engine.applier.delete(spec.namespace(), spec.name());
    confirmReleased(spec);
    engine.ledger.delete(spec.namespace(), spec.name());
    LOG.info("group {}/{} deleted", spec.namespace(), spec.name());
  }

  /**
   * The delete's contract: it returns only once a fresh FE listing, taken after the group's objects
   * are gone, shows no node the group owns. Another engine (a controller whose caches lag, another
   * replica) may have had an ADD in flight while the group was released; its {@link AddFence}
   * undoes such an ADD, and this check drops whatever is still listed, then lists again.
   *
   * @throws NodesNotReleasedException naming the nodes the FE still lists, when they cannot be
   *     dropped
   */
  private void confirmReleased(ComputeNodeGroupSpec spec) {
    if (spec.frontend().isEmpty()) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      runtime.pass(SyncMode.OBSERVE, Duration.ZERO);
      failOnFeError();
      List<String> left = runtime.ownedInLastListing();
      if (left.isEmpty()) {
        return;
      }
      if (attempt == CONFIRM_ATTEMPTS) {
        String group = spec.namespace() + "/" + spec.name();
        throw new NodesNotReleasedException(
            group,
            "group "
                + group
                + ": its objects are deleted but the FE still lists nodes it owns: "
                + left
                + "; call delete again, or drop them with ALTER SYSTEM DROP COMPUTE NODE",
            null,
            left);
      }
      LOG.warn(
          "group {}/{}: the FE lists {} after the release (an ADD of another engine); dropping",
          spec.namespace(),
          spec.name(),
          left);
      runtime.pass(SyncMode.FORCE_RELEASE, Duration.ZERO);
      failOnFeError();
    }
  }

  /** Drops nodes as pods go; after the bound, drops whatever the group still owns. */
  private void releaseAll(ComputeNodeGroupSpec spec) {
    Duration bound = spec.terminationGracePeriod().plus(EXTRA_WAIT);
    long deadline = System.nanoTime() + bound.toNanos();
    int round = 0;
    while (true) {
      GroupStatus status = runtime.pass(SyncMode.RELEASE, Duration.ZERO);
      failOnFeError();
      if (status.nodes().isEmpty() && runtime.releasedEverything()) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        LOG.warn(
            "group {}/{}: pods still present after {}; dropping every owned node",
            spec.namespace(),
            spec.name(),
            bound);
        runtime.pass(SyncMode.FORCE_RELEASE, Duration.ZERO);
        failOnFeError();
        return;
      }
      pause(POLL.nominal(round++));
    }
  }

  private void failOnFeError() {
    Optional<CnSdkException> error = runtime.lastError();
    if (error.isPresent()) {
      ComputeNodeGroupSpec spec = runtime.spec();
      throw new NodesNotReleasedException(
          spec.namespace() + "/" + spec.name(),
          "group "
              + spec.namespace()
              + "/"
              + spec.name()
              + " is suspended but its nodes could not be dropped from the FE; call again once"
              + " the FE is reachable: "
              + error.get().getMessage(),
          error.get());
    }
  }

  private boolean statefulSetExists(ComputeNodeGroupSpec spec) {
    return new DirectClusterView(engine.client, true)
        .statefulSet(spec.namespace(), spec.name())
        .isPresent();
  }

  /** Sleeps between polls; an interrupt ends the wait with an exception, keeping the flag. */
  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException("the next poll of the group", e);
    }
  }
}
