package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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

/**
 * A {@link ClusterView} backed by informers on the StatefulSets, Pods and HPAs labelled {@code
 * app.kubernetes.io/managed-by=sr-cn-sdk}, in one namespace or the whole cluster. An optional extra
 * label selector (sharding groups across controllers) applies to the StatefulSets: only groups
 * whose StatefulSet matches are managed; pods and HPAs of other groups are cached but ignored.
 * Reads never call the API server, so a resync of N groups costs no list calls; every change is
 * reported to {@code onChange} with the group it belongs to.
 *
 * <p>Thread-safe.
 */
final class CachedClusterView implements ClusterView, AutoCloseable {
  private static final String BY_GROUP = "group";

  private final SharedIndexInformer<StatefulSet> statefulSets;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<? extends HasMetadata> autoscalers;
  private final boolean hpaV2;

  CachedClusterView(
      KubernetesClient client,
      Optional<String> namespace,
      Map<String, String> extraLabels,
      boolean hpaV2,
      Consumer<GroupKey> onChange) {
    this.hpaV2 = hpaV2;
    ResourceEventHandler<HasMetadata> handler = new Notifier(onChange);
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
  }

  /** Starts the informers and waits until each has listed once. */
  void start(long timeoutMillis) throws Exception {
    CompletableFuture.allOf(
            statefulSets.start().toCompletableFuture(),
            pods.start().toCompletableFuture(),
            autoscalers.start().toCompletableFuture())
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

  @Override
  public void close() {
    statefulSets.close();
    pods.close();
    autoscalers.close();
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
    Informable<T> informable = selected;
    SharedIndexInformer<T> informer = informable.runnableInformer(0);
    informer.itemStore(new TrimmedItemStore<>()); // heap at 10,000 groups (issue 19)
    informer.addIndexers(Map.of(BY_GROUP, byGroup));
    informer.addEventHandler(handler);
    return informer;
  }

  /** Reports every add, update and delete with its group. */
  private record Notifier(Consumer<GroupKey> onChange)
      implements ResourceEventHandler<HasMetadata> {
    @Override
    public void onAdd(HasMetadata obj) {
      GroupKey.of(obj).ifPresent(onChange);
    }

    @Override
    public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
      GroupKey.of(newObj).ifPresent(onChange);
    }

    @Override
    public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
      GroupKey.of(obj).ifPresent(onChange);
    }
  }
}
