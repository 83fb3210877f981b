package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.internal.apply.GroupApplier;
import io.srcn.sdk.internal.render.HpaVersion;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services a handle or a controller shares across its groups: the Kubernetes client, the
 * applier, the FE clusters (one client and snapshot per FE), the IP-mode ledger store, and the
 * event fan-out to listeners.
 *
 * <p>Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  final KubernetesClient client;
  final GroupApplier applier;
  final FrontendPool frontends;
  final LedgerStore ledger;
  final Clock clock;
  private final List<GroupEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<GroupKey, List<GroupEventListener>> groupListeners = new ConcurrentHashMap<>();

  /** An engine on {@code client}, resolving FE credentials with {@code resolver}. */
  public Engine(KubernetesClient client, CredentialsResolver resolver, Clock clock) {
    this.client = client;
    this.applier = new GroupApplier(client);
    this.frontends = new FrontendPool(resolver);
    this.ledger = new LedgerStore(client);
    this.clock = clock;
  }

  /** True when the cluster serves {@code autoscaling/v2} (else v2beta2 is used). */
  boolean hpaV2() {
    return applier.hpaApi().map(v -> v == HpaVersion.V2).orElse(true);
  }

  /** Listens to every group's events. */
  void addListener(GroupEventListener listener) {
    listeners.add(listener);
  }

  /** Listens to one group's events. */
  void addListener(GroupKey group, GroupEventListener listener) {
    groupListeners.computeIfAbsent(group, k -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /** Delivers an event to the listeners; a throwing listener is logged and skipped. */
  void publish(GroupEvent event) {
    GroupKey key = new GroupKey(event.namespace(), event.group());
    for (GroupEventListener l : listeners) {
      deliver(l, event);
    }
    for (GroupEventListener l : groupListeners.getOrDefault(key, List.of())) {
      deliver(l, event);
    }
  }

  private static void deliver(GroupEventListener listener, GroupEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("event listener {} failed on {}: {}", listener, event.reason(), e.toString());
    }
  }

  @Override
  public void close() {
    frontends.close();
  }
}
