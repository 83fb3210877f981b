package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.Plan;
import io.srcn.sdk.internal.apply.GroupApplier;
import io.srcn.sdk.internal.events.EventRecorder;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.sdk.naming.Labels;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@code ComputeNodeClient} session owns and its handles and controllers share: the
 * Kubernetes client, the applier (with its API discovery), the FE clusters (one client, snapshot
 * and breaker per FE), the IP-mode ledger store, and the event recorder (listeners and Kubernetes
 * Events, one background thread).
 *
 * <p>Thread-safe.
 */
public final class Engine implements AutoCloseable {
  final KubernetesClient client;
  final GroupApplier applier;
  final FrontendPool frontends;
  final LedgerStore ledger;
  final Clock clock;
  private final EventRecorder events;
  private final Map<GroupKey, GroupOwner> owners = new ConcurrentHashMap<>();

  /** An engine on {@code client}, resolving FE credentials with {@code resolver}. */
  public Engine(KubernetesClient client, CredentialsResolver resolver, Clock clock) {
    this.client = client;
    this.applier = new GroupApplier(client);
    this.frontends = new FrontendPool(resolver);
    this.ledger = new LedgerStore(client);
    this.clock = clock;
    this.events = new EventRecorder(client, Labels.MANAGED_BY_VALUE);
  }

  /** The one owner of group {@code key} in this session. */
  GroupOwner owner(GroupKey key) {
    return owners.computeIfAbsent(key, k -> new GroupOwner());
  }

  /** Applies a group's objects only (no registration pass). */
  public Plan apply(ComputeNodeGroupSpec spec) {
    GroupOwner owner = owner(new GroupKey(spec.namespace(), spec.name()));
    return owner.exclusively(
        () -> {
          Plan done = applier.apply(spec);
          owner.applied(spec);
          return done;
        });
  }

  /** What applying {@code spec} would change, without writing. */
  public Plan plan(ComputeNodeGroupSpec spec) {
    return applier.plan(spec);
  }

  /** True when the cluster serves {@code autoscaling/v2} (else v2beta2 is used). */
  boolean hpaV2() {
    return applier.hpaApi().map(v -> v == HpaVersion.V2).orElse(true);
  }

  /** Listens to every group's events. */
  void addListener(GroupEventListener listener) {
    events.addListener(listener);
  }

  /** Listens to one group's events. */
  void addListener(GroupKey group, GroupEventListener listener) {
    events.addListener(
        e -> {
          if (e.namespace().equals(group.namespace()) && e.group().equals(group.name())) {
            listener.onEvent(e);
          }
        });
  }

  /**
   * Records an event: listeners now, a deduplicated Kubernetes Event on the group's StatefulSet in
   * the background, with the StatefulSet's uid as the caller last saw it (null when it has none);
   * the recorder never reads the StatefulSet itself.
   */
  void publish(GroupEvent event, String statefulSetUid) {
    events.record(event, statefulSetUid);
  }

  /** The event recorder's counters. */
  EventRecorder.Stats eventStats() {
    return events.stats();
  }

  /** Events recorded and not yet posted (or dropped). */
  int eventsPending() {
    return events.pending();
  }

  @Override
  public void close() {
    frontends.close();
    events.close();
  }
}
