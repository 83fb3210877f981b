package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ClusterView} that asks the API server each time: three reads per pass (StatefulSet, pod
 * list, HPA). Used by group handles outside a controller.
 *
 * <p>Thread-safe.
 */
final class DirectClusterView implements ClusterView {
  private static final List<String> GET = List.of("get");
  private final KubernetesClient client;
  private final boolean hpaV2;

  DirectClusterView(KubernetesClient client, boolean hpaV2) {
    this.client = client;
    this.hpaV2 = hpaV2;
  }

  @Override
  public Optional<StatefulSet> statefulSet(String namespace, String group) {
    String name = Names.statefulSet(group);
    return KubeErrors.call(
        "get",
        new ResourceRef("StatefulSet", "apps", "statefulsets", namespace, name),
        GET,
        () ->
            Optional.ofNullable(
                client.apps().statefulSets().inNamespace(namespace).withName(name).get()));
  }

  @Override
  public List<Pod> pods(String namespace, String group) {
    return KubeErrors.call(
        "list",
        new ResourceRef("Pod", "", "pods", namespace, Names.statefulSet(group) + "-*"),
        List.of("list"),
        () ->
            client
                .pods()
                .inNamespace(namespace)
                .withLabels(Labels.selector(group))
                .list()
                .getItems());
  }

  @Override
  public Optional<HpaView> autoscaler(String namespace, String group) {
    String name = Names.autoscaler(group);
    return KubeErrors.call(
        "get",
        new ResourceRef(
            "HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", namespace, name),
        GET,
        () -> {
          if (hpaV2) {
            return Optional.ofNullable(
                    client
                        .autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace(namespace)
                        .withName(name)
                        .get())
                .map(HpaViews::of);
          }
          return Optional.ofNullable(
                  client
                      .autoscaling()
                      .v2beta2()
                      .horizontalPodAutoscalers()
                      .inNamespace(namespace)
                      .withName(name)
                      .get())
              .map(HpaViews::of);
        });
  }
}
