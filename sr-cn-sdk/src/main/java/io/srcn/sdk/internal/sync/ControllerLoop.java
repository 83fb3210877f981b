package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ControllerStartException;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.internal.Backoff;
import io.srcn.sdk.naming.Labels;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's work while it leads: informers feed a coalescing work queue; workers take one
 * group at a time and run {@link #process}; a resync re-queues every group and forgets the FE
 * snapshots so each FE cluster is listed once per resync, shared by all its groups.
 *
 * <p>Per group, a pass: reads the recorded spec from the StatefulSet's annotation; compares the
 * informer caches' copies of the group's five objects with what that spec renders ({@link
 * CacheDrift}: no request) and repairs what differs (the repair reads the objects again before it
 * writes), then syncs the FE registration. A group without drift costs no Kubernetes request, so a
 * resync of unchanged groups makes none. At first sight the drift check (rendering and comparing
 * five objects: CPU only) waits for a second pass queued behind the groups already waiting, so that
 * a controller starting on many groups registers all of them before it checks their objects.
 * Nothing is re-applied while the group is suspended. A failing group is retried with exponential
 * backoff (100 ms doubling to 30 s). A deleted StatefulSet keeps its group until the last owned
 * node is dropped (then its IP-mode ledger is deleted too).
 *
 * <p>Thread-safe.
 */
final class ControllerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerLoop.class);
  private static final Backoff RETRY =
      Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(30));

  /**
   * How long {@link #close} lets the passes in flight finish before it interrupts them: a pass
   * interrupted mid-request fails with a Kubernetes or FE error that is no error of the group.
   */
  static final Duration DRAIN = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final Engine engine;
  private final ControllerSettings settings;
  private final Map<GroupKey, GroupStatus> statuses;
  private final Map<GroupKey, GroupEntry> entries = new ConcurrentHashMap<>();
  private final WorkQueue<GroupKey> queue;
  private final ExecutorService workers;
  private final ScheduledExecutorService resync;
  private CachedClusterView view;
  private CacheDrift drift;
  private volatile boolean closed;

  /**
   * Waits out the batch window after every event, settled or not: the rule before the settling
   * window, kept so that {@code GroupCommitBenchmark} can compare both side by side ({@code
   * -Dsrcn.fixedBatchWindow=true}, read when the controller starts); not an API.
   */
  private final boolean fixedWindow = Boolean.getBoolean("srcn.fixedBatchWindow");

  /**
   * Whether a settling group's events push its pass out ({@link Settling#cap}); {@code
   * -Dsrcn.slidingBatchWindow=false} waits out one window from the first event instead (the
   * settling rule before it slid), kept so that {@code GroupCommitBenchmark} can compare both; not
   * an API.
   */
  private final boolean slidingWindow =
      !"false".equalsIgnoreCase(System.getProperty("srcn.slidingBatchWindow"));

  ControllerLoop(
      KubernetesClient client,
      Engine engine,
      ControllerSettings settings,
      Map<GroupKey, GroupStatus> statuses) {
    this.client = client;
    this.engine = engine;
    this.settings = settings;
    this.statuses = statuses;
    this.queue = new WorkQueue<>(Threads.daemon("sr-cn-sdk-requeue"));
    this.workers =
        Executors.newFixedThreadPool(settings.workers(), Threads.daemon("sr-cn-sdk-worker"));
    this.resync = Executors.newSingleThreadScheduledExecutor(Threads.daemon("sr-cn-sdk-resync"));
  }

  /**
   * Starts the informers, waits for their first lists, then the workers and the resync.
   *
   * @throws ControllerStartException when the informers cannot start within a minute
   */
  void start() {
    view =
        new CachedClusterView(
            client, settings.namespace(), settings.labels(), engine.hpaV2(), this::onEvent);
    drift = new CacheDrift(view, engine.applier);
    try {
      view.start(60_000);
    } catch (Exception e) {
      throw new ControllerStartException(
          "the controller's informers did not start within a minute (check list/watch RBAC on"
              + " statefulsets, pods, horizontalpodautoscalers, configmaps, services and"
              + " poddisruptionbudgets (ComputeNodeGroups.requiredRole), and the API server): "
              + e,
          e);
    }
    for (int i = 0; i < settings.workers(); i++) {
      workers.execute(this::work);
    }
    long period = settings.resync().toMillis();
    resync.scheduleAtFixedRate(this::resyncAll, period, period, TimeUnit.MILLISECONDS);
    view.groups().forEach(this::enqueue);
  }

  void enqueue(GroupKey key) {
    queue.add(key);
  }

  /**
   * A Kubernetes event of the group: while the group is {@linkplain Settling settling} (pods of a
   * change still starting or going away) its pass waits until the group's events have been quiet
   * for the batch window (at most {@link Settling#cap} after the first), so that the change's
   * further events join one pass and one {@code ADD}; once it is settled (the last pod of a
   * scale-out turned Ready, an object was edited) the pass starts at once, ending any wait.
   */
  private void onEvent(GroupKey key) {
    Duration window = settings.batchWindow();
    if (fixedWindow) {
      queue.addBatched(key, window, window);
    } else if (Settling.settling(
        view.statefulSet(key.namespace(), key.name()), view.pods(key.namespace(), key.name()))) {
      queue.addBatched(key, window, slidingWindow ? Settling.cap(window) : window);
    } else {
      queue.add(key);
    }
  }

  int groups() {
    return (int) entries.values().stream().filter(e -> e.runtime != null).count();
  }

  private GroupEntry entry(GroupKey key) {
    return entries.computeIfAbsent(key, k -> new GroupEntry());
  }

  /** Forgets everything about a group: its entry and its last status. */
  private void forget(GroupKey key) {
    entries.remove(key);
    statuses.remove(key);
  }

  /**
   * Stops taking work, waits up to {@link #DRAIN} for the passes in flight to finish, then
   * interrupts what is left and waits up to 30 s for it; then closes the informers.
   */
  @Override
  public void close() {
    closed = true;
    queue.close();
    resync.shutdownNow();
    workers.shutdown(); // no interrupt: a pass in flight finishes its requests
    try {
      if (!workers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (view != null) {
      view.close();
    }
  }

  private void resyncAll() {
    engine.frontends.invalidateAll();
    Set<GroupKey> keys = new HashSet<>(view.groups());
    keys.addAll(entries.keySet());
    keys.forEach(queue::add);
  }

  private void work() {
    while (!closed) {
      try {
        queue.take(Duration.ofSeconds(1)).ifPresent(this::processAndRelease);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void processAndRelease(GroupKey key) {
    try {
      boolean settled = process(key);
      if (settled) {
        GroupEntry e = entries.get(key);
        if (e != null) {
          e.failures = 0;
        }
      } else {
        retryLater(key);
      }
    } catch (RuntimeException e) {
      if (closed) { // interrupted by close after the drain: not the group's error
        LOG.debug("group {}: pass ended by the controller's stop", key, e);
      } else {
        LOG.warn("group {}: pass failed: {}", key, e.getMessage());
        LOG.debug("group {}: pass failed", key, e);
      }
      retryLater(key);
    } finally {
      queue.done(key);
    }
  }

  /** One pass for a group; returns false when it should be retried soon. */
  boolean process(GroupKey key) {
    var sts = view.statefulSet(key.namespace(), key.name());
    if (sts.isEmpty()) {
      return releaseDeleted(key);
    }
    GroupEntry entry = entry(key);
    boolean firstSight = entry.runtime == null;
    GroupRuntime runtime = runtime(key, entry, sts.get());
    boolean suspended = Suspension.isSuspended(sts);
    if (!suspended && !firstSight && drift.drifted(entry, runtime.spec())) {
      repair(key, runtime);
    }
    GroupStatus status = runtime.pass(SyncMode.SYNC, settings.resync());
    statuses.put(key, status);
    if (firstSight && !suspended) {
      queue.add(key); // the first drift check waits behind the groups already queued
    }
    return runtime.lastError().isEmpty();
  }

  private void repair(GroupKey key, GroupRuntime runtime) {
    try {
      runtime.repair();
    } catch (CnSdkException e) {
      if (closed) { // interrupted by close after the drain: not the group's error
        LOG.debug("group {}: apply ended by the controller's stop", key, e);
      } else {
        LOG.warn("group {}: apply failed: {}", key, e.getMessage());
        LOG.debug("group {}: apply failed", key, e); // the cause chain
      }
    }
  }

  private GroupRuntime runtime(GroupKey key, GroupEntry entry, StatefulSet sts) {
    String json = sts.getMetadata().getAnnotations().get(Labels.SPEC_ANNOTATION);
    GroupRuntime runtime = entry.runtime;
    if (runtime != null && Objects.equals(json, entry.recordedSpec)) {
      return runtime;
    }
    ComputeNodeGroupSpec spec =
        json == null
            ? RecordedSpec.of(sts)
            : engine.owner(key).resolve(json, () -> RecordedSpec.of(sts));
    if (json != null
        && !json.equals(spec.toCanonicalJson())
        && engine
            .applier
            .recordedSpec(key.namespace(), key.name())
            .filter(json::equals)
            .isPresent()) {
      // the session replaced this spec, but the API server records it again: another session
      // wrote it since, so it is the newest (the cache does not lag)
      spec = RecordedSpec.of(sts);
      engine.owner(key).applied(spec);
    }
    if (runtime == null) {
      runtime = new GroupRuntime(engine, spec, view);
      entry.runtime = runtime;
      LOG.info("group {}: now managed", key);
    } else {
      runtime.use(spec);
    }
    entry.recordedSpec = json;
    return runtime;
  }

  /** The StatefulSet is gone: drop the group's nodes as its pods go, then forget it. */
  private boolean releaseDeleted(GroupKey key) {
    GroupEntry entry = entries.get(key);
    GroupRuntime runtime = entry == null ? null : entry.runtime;
    if (runtime == null) {
      forget(key);
      return true;
    }
    GroupStatus status = runtime.pass(SyncMode.RELEASE, Duration.ZERO);
    if (status.nodes().isEmpty() && runtime.releasedEverything()) {
      // any mode may have a ledger (AUTO on an IP-mode FE; FQDN with the IPs an FE stored)
      engine.ledger.delete(key.namespace(), key.name());
      forget(key);
      LOG.info("group {}: deleted; no node left in the FE", key);
      return true;
    }
    statuses.put(key, status);
    return false;
  }

  private void retryLater(GroupKey key) {
    if (closed) {
      return;
    }
    GroupEntry entry = entry(key);
    int n = ++entry.failures;
    queue.addAfter(key, RETRY.nominal(n - 1));
  }
}
