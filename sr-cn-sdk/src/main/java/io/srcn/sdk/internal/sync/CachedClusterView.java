package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link ClusterView} backed by informers on the StatefulSets, Pods, HPAs, ConfigMaps, Services
 * and PodDisruptionBudgets labelled {@code app.kubernetes.io/managed-by=sr-cn-sdk} (every rendered
 * object carries it, {@code ObjectMetas}), in one namespace or the whole cluster. An optional extra
 * label selector (sharding groups across controllers) applies to the StatefulSets only (the group's
 * pod labels are on the StatefulSet and its pods, not on the other objects): only groups whose
 * StatefulSet matches are managed; the other objects of other groups are cached but ignored. Reads
 * never call the API server, so a resync of N groups costs no request; every add, update and delete
 * is reported to {@code onChange} with the group it belongs to (an object that loses the managed-by
 * label leaves the selection, which its watch reports as a delete).
 *
 * <p>Thread-safe.
 */
final class CachedClusterView implements ClusterView, AutoCloseable {
  private static final String BY_GROUP = "group";

  private final SharedIndexInformer<StatefulSet> statefulSets;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<? extends HasMetadata> autoscalers;
  private final SharedIndexInformer<ConfigMap> configMaps;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<PodDisruptionBudget> disruptionBudgets;
  private final List<SharedIndexInformer<?>> all;
  private final boolean hpaV2;

  CachedClusterView(
      KubernetesClient client,
      Optional<String> namespace,
      Map<String, String> extraLabels,
      boolean hpaV2,
      Consumer<GroupKey> onChange) {
    this.hpaV2 = hpaV2;
    ResourceEventHandler<HasMetadata> handler = new Notifier(onChange, o -> true);
    this.statefulSets =
        informer(scoped(client.apps().statefulSets(), namespace), extraLabels, handler);
    this.pods = informer(scoped(client.pods(), namespace), Map.of(), handler);
    this.autoscalers =
        hpaV2
            ? informer(
                scoped(client.autoscaling().v2().horizontalPodAutoscalers(), namespace),
                Map.of(),
                handler)
            : informer(
                scoped(client.autoscaling().v2beta2().horizontalPodAutoscalers(), namespace),
                Map.of(),
                handler);
    // the group's IP-mode ledger is a labelled ConfigMap too: its writes are no drift, no event
    this.configMaps =
        informer(
            scoped(client.configMaps(), namespace),
            Map.of(),
            new Notifier(onChange, CachedClusterView::notLedger));
    this.services = informer(scoped(client.services(), namespace), Map.of(), handler);
    this.disruptionBudgets =
        informer(scoped(client.policy().v1().podDisruptionBudget(), namespace), Map.of(), handler);
    this.all = List.of(statefulSets, pods, autoscalers, configMaps, services, disruptionBudgets);
  }

  /** Starts the informers and waits until each has listed once. */
  void start(long timeoutMillis) throws Exception {
    CompletableFuture.allOf(
            all.stream()
                .map(i -> i.start().toCompletableFuture())
                .toArray(CompletableFuture[]::new))
        .get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** The groups whose StatefulSets are in the cache. */
  List<GroupKey> groups() {
    List<GroupKey> keys = new ArrayList<>();
    for (StatefulSet sts : statefulSets.getStore().list()) {
      GroupKey.of(sts).ifPresent(keys::add);
    }
    return keys;
  }

  @Override
  public Optional<StatefulSet> statefulSet(String namespace, String group) {
    return Optional.ofNullable(
        statefulSets.getStore().getByKey(namespace + "/" + Names.statefulSet(group)));
  }

  @Override
  public List<Pod> pods(String namespace, String group) {
    return pods.getIndexer().byIndex(BY_GROUP, new GroupKey(namespace, group).indexKey());
  }

  @Override
  public Optional<HpaView> autoscaler(String namespace, String group) {
    Object hpa = autoscalers.getStore().getByKey(namespace + "/" + Names.autoscaler(group));
    if (hpa == null) {
      return Optional.empty();
    }
    return Optional.of(
        hpaV2
            ? HpaViews.of(
                (io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler) hpa)
            : HpaViews.of(
                (io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler) hpa));
  }

  /**
   * The cached copies of the group's five objects (ConfigMap, Service, StatefulSet, HPA,
   * PodDisruptionBudget), absent ones omitted: what the controller compares with the rendering of
   * the recorded spec. Copies may lag the API server by the watch's delay.
   */
  List<HasMetadata> owned(String namespace, String group) {
    List<HasMetadata> found = new ArrayList<>(5);
    addIfPresent(found, configMaps.getStore().getByKey(namespace + "/" + Names.configMap(group)));
    addIfPresent(
        found, services.getStore().getByKey(namespace + "/" + Names.headlessService(group)));
    addIfPresent(
        found, statefulSets.getStore().getByKey(namespace + "/" + Names.statefulSet(group)));
    addIfPresent(found, autoscalers.getStore().getByKey(namespace + "/" + Names.autoscaler(group)));
    addIfPresent(
        found,
        disruptionBudgets.getStore().getByKey(namespace + "/" + Names.podDisruptionBudget(group)));
    return found;
  }

  private static void addIfPresent(List<HasMetadata> found, HasMetadata object) {
    if (object != null) {
      found.add(object);
    }
  }

  @Override
  public void close() {
    all.forEach(SharedIndexInformer::close);
  }

  private static <T extends HasMetadata, L> FilterWatchListDeletable<T, L, ?> scoped(
      io.fabric8.kubernetes.client.dsl.MixedOperation<T, L, ?> op, Optional<String> namespace) {
    return namespace.isPresent() ? op.inNamespace(namespace.get()) : op.inAnyNamespace();
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> informer(
      FilterWatchListDeletable<T, ?, ?> op,
      Map<String, String> extraLabels,
      ResourceEventHandler<HasMetadata> handler) {
    FilterWatchListDeletable<T, ?, ?> selected =
        op.withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    for (Map.Entry<String, String> e : extraLabels.entrySet()) {
      selected = selected.withLabel(e.getKey(), e.getValue());
    }
    Function<T, List<String>> byGroup =
        o -> GroupKey.of(o).map(k -> List.of(k.indexKey())).orElse(List.of());
    // lists in pages of 500 (client-go's pager default, tools/pager/pager.go) so that listing
    // 30,000 pods does not hold the whole response and every object at once (issue 19)
    Informable<T> informable = selected.withLimit(500L);
    SharedIndexInformer<T> informer = informable.runnableInformer(0);
    informer.itemStore(new TrimmedItemStore<>()); // heap at 10,000 groups (issue 19)
    informer.addIndexers(Map.of(BY_GROUP, byGroup));
    informer.addEventHandler(handler);
    return informer;
  }

  private static boolean notLedger(HasMetadata configMap) {
    return GroupKey.of(configMap)
        .map(k -> !Names.ledger(k.name()).equals(configMap.getMetadata().getName()))
        .orElse(false);
  }

  /** Reports every add, update and delete of a relevant object with its group. */
  private record Notifier(Consumer<GroupKey> onChange, Predicate<HasMetadata> relevant)
      implements ResourceEventHandler<HasMetadata> {
    @Override
    public void onAdd(HasMetadata obj) {
      report(obj);
    }

    @Override
    public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
      report(newObj);
    }

    @Override
    public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
      report(obj);
    }

    private void report(HasMetadata obj) {
      if (relevant.test(obj)) {
        GroupKey.of(obj).ifPresent(onChange);
      }
    }
  }
}
