package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The IP-mode ledger of a group: ConfigMap {@code g-cn-ledger} listing every address the group
 * registered, with its pod and when it was recorded. It is written <em>before</em> an ADD and
 * cleared <em>after</em> a DROP, so a node is never registered without the group knowing it owns
 * it; entries are removed only if unchanged since the remover read them, so two engines (a handle
 * and the controller) cannot remove an entry the other has just recorded. It carries no
 * ownerReference: deleting the StatefulSet must not lose it before the group's nodes are dropped.
 *
 * <p>Thread-safe; callers serialize writes per group.
 */
final class LedgerStore {
  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;

  LedgerStore(KubernetesClient client) {
    this.client = client;
  }

  /** The ledger's entries (empty when it does not exist). */
  Map<HostPort, LedgerEntry> read(String namespace, String group) {
    ConfigMap cm =
        call("get", namespace, group, List.of("get"), () -> resource(namespace, group).get());
    return cm == null ? Map.of() : LedgerCodec.decode(cm.getData());
  }

  /**
   * Records that {@code pods} (address to pod name) are about to be added, stamped {@code now}; an
   * existing entry is stamped again, so another engine that read it earlier will not forget it.
   * Creates the ledger when needed.
   */
  void record(String namespace, String group, Map<HostPort, String> pods, Instant now) {
    if (!pods.isEmpty()) {
      update(
          namespace,
          group,
          data ->
              pods.forEach(
                  (a, pod) -> data.put(LedgerCodec.key(a), new LedgerEntry(pod, now).encode())));
    }
  }

  /**
   * Removes the entries that still hold what the caller read ({@code expected}): an entry written
   * again since (another engine about to add the address) stays. A missing ledger or entry is fine.
   */
  void forget(String namespace, String group, Map<HostPort, LedgerEntry> expected) {
    if (!expected.isEmpty()) {
      update(
          namespace,
          group,
          data ->
              expected.forEach(
                  (a, entry) -> {
                    String current = data.get(LedgerCodec.key(a));
                    if (current != null && LedgerEntry.decode(current).equals(entry)) {
                      data.remove(LedgerCodec.key(a));
                    }
                  }));
    }
  }

  /** Deletes the ledger. */
  void delete(String namespace, String group) {
    call("delete", namespace, group, List.of("delete"), () -> resource(namespace, group).delete());
  }

  private void update(String namespace, String group, Consumer<Map<String, String>> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        call(
            "update",
            namespace,
            group,
            List.of("get", "create", "update"),
            () -> {
              writeOnce(namespace, group, change);
              return null;
            });
        return;
      } catch (KubernetesOperationException e) {
        if (e.code() != 409 || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void writeOnce(String namespace, String group, Consumer<Map<String, String>> change) {
    Resource<ConfigMap> resource = resource(namespace, group);
    ConfigMap current = resource.get();
    Map<String, String> data = new HashMap<>();
    if (current != null && current.getData() != null) {
      data.putAll(current.getData());
    }
    change.accept(data);
    Map<String, String> before = current == null ? null : current.getData();
    if (data.equals(before == null ? Map.of() : before)) {
      return; // nothing to write (and no empty ledger to create)
    }
    if (current == null) {
      client.configMaps().inNamespace(namespace).resource(ledger(namespace, group, data)).create();
      return;
    }
    ConfigMap next = new ConfigMapBuilder(current).withData(new TreeMap<>(data)).build();
    client.configMaps().inNamespace(namespace).resource(next).update();
  }

  private ConfigMap ledger(String namespace, String group, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.ledger(group))
        .withNamespace(namespace)
        .withLabels(Labels.standard(group))
        .endMetadata()
        .withData(new TreeMap<>(data))
        .build();
  }

  private Resource<ConfigMap> resource(String namespace, String group) {
    return client.configMaps().inNamespace(namespace).withName(Names.ledger(group));
  }

  private static <T> T call(
      String op, String namespace, String group, List<String> verbs, Supplier<T> body) {
    return KubeErrors.call(
        op,
        new ResourceRef("ConfigMap", "", "configmaps", namespace, Names.ledger(group)),
        verbs,
        body);
  }
}
