package io.srcn.it.campaign;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every pod IP a scenario's namespace ever had, with the pod it belonged to and when that
 * pod incarnation was seen deleted: the simulator's history names pods, not IPs, and an IP-mode
 * group's FE nodes are IPs. The kubelet simulator never reuses an IP, so an IP names one pod
 * incarnation for good.
 *
 * <p>Thread-safe.
 */
final class PodWatch implements AutoCloseable {
  /** One pod incarnation with an IP. */
  record Incarnation(String pod, String uid, String ip, Optional<Instant> deletedAt) {}

  private final Map<String, Incarnation> byIp = new ConcurrentHashMap<>();
  private final KubernetesClient client;
  private final SharedIndexInformer<Pod> informer;

  /**
   * Watches the namespace through a client of its own that re-watches 5 ms after a watch ends
   * (fabric8's default waits a second): when the campaign expires every watch, this audit must not
   * be blind to a pod incarnation that comes and goes meanwhile, even if the SDK's informers are.
   */
  PodWatch(KubernetesClient shared, String namespace) {
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(shared.getConfiguration()).withWatchReconnectInterval(5).build())
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
    informer =
        client
            .pods()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    seen(pod);
                  }

                  @Override
                  public void onUpdate(Pod before, Pod pod) {
                    seen(pod);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean finalStateUnknown) {
                    gone(pod);
                  }
                });
  }

  /** The incarnation that had {@code ip}, if any pod of the namespace ever had it. */
  Optional<Incarnation> byIp(String ip) {
    return Optional.ofNullable(byIp.get(ip));
  }

  /** True when {@code ip} ever belonged to a pod of {@code podPrefix} (e.g. {@code a-cn-}). */
  boolean belongsTo(String ip, String podPrefix) {
    return byIp(ip).map(i -> i.pod().startsWith(podPrefix)).orElse(false);
  }

  @Override
  public void close() {
    informer.close();
    client.close();
  }

  private void seen(Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (ip != null && !ip.isEmpty()) {
      byIp.putIfAbsent(
          ip,
          new Incarnation(
              pod.getMetadata().getName(), pod.getMetadata().getUid(), ip, Optional.empty()));
    }
  }

  private void gone(Pod pod) {
    seen(pod);
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (ip != null && !ip.isEmpty()) {
      byIp.computeIfPresent(
          ip, (k, i) -> new Incarnation(i.pod(), i.uid(), i.ip(), Optional.of(Instant.now())));
    }
  }
}
