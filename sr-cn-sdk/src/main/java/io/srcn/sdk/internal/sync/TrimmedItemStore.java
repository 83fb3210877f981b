package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer's item store (keyed as fabric8's default, {@code namespace/name}) that drops {@code
 * metadata.managedFields} from every object it caches: server-side apply bookkeeping the controller
 * never reads, and about half of a cached StatefulSet or pod on the heap (a nested map per managed
 * field). With 10,000 groups the caches hold 30,000 pods and 10,000 of each owned object; without
 * trimming they did not fit in a 1 GiB heap. kube-controller-manager trims its informers the same
 * way (kubernetes {@code cmd/kube-controller-manager/app/controllermanager.go}, {@code
 * CreateControllerContext}: {@code informers.WithTransform(trim)}).
 *
 * <p>A pod keeps only what the controller reads of its spec ({@link PodViews}: each container's
 * name and ports); its metadata and status stay whole. At 10,000 groups the 30,000 cached pods with
 * their whole spec (volumes, environment, probes, resources) were most of the heap. Nothing writes
 * a cached pod back.
 *
 * <p>Thread-safe as fabric8 uses it (the informer's cache serializes writes).
 */
final class TrimmedItemStore<T extends HasMetadata> extends BasicItemStore<T> {
  TrimmedItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T obj) {
    if (obj.getMetadata() != null && obj.getMetadata().getManagedFields() != null) {
      obj.getMetadata().setManagedFields(null);
    }
    if (obj instanceof Pod pod && pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      PodSpec kept = new PodSpec();
      kept.setContainers(
          pod.getSpec().getContainers().stream()
              .map(
                  c -> new ContainerBuilder().withName(c.getName()).withPorts(c.getPorts()).build())
              .toList());
      pod.setSpec(kept);
    }
    return super.put(key, obj);
  }
}
