package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.naming.CnLayout;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.Map;

/**
 * Renders the small objects around the StatefulSet: the ConfigMap of cn.conf and the extra files,
 * the headless Service that gives each pod its DNS name, and the PodDisruptionBudget.
 *
 * <p>Stateless and thread-safe.
 */
final class SupportObjects {
  private SupportObjects() {}

  /** ConfigMap {@code g-cn-config} with key {@code cn.conf} and the extra configuration files. */
  static ConfigMap configMap(
      ComputeNodeGroupSpec spec, Map<String, String> files, RenderOptions options) {
    String group = spec.name();
    return new ConfigMapBuilder()
        .withMetadata(ObjectMetas.owned(group, spec.namespace(), Names.configMap(group), options))
        .withData(files)
        .build();
  }

  /**
   * Headless Service {@code g-cn-search}: no cluster IP, and DNS records for pods that are not
   * ready yet (the FE heartbeats a node before it reports ready), port {@code heartbeat}.
   */
  static Service headlessService(ComputeNodeGroupSpec spec, RenderOptions options) {
    String group = spec.name();
    int heartbeat = spec.ports().heartbeat();
    return new ServiceBuilder()
        .withMetadata(
            ObjectMetas.owned(group, spec.namespace(), Names.headlessService(group), options))
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(ObjectMetas.sorted(Labels.selector(group)))
        .addNewPort()
        .withName(CnLayout.PORT_HEARTBEAT)
        .withPort(heartbeat)
        .withTargetPort(new IntOrString(heartbeat))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  /** PodDisruptionBudget {@code g-cn-pdb}: at most one pod voluntarily evicted at a time. */
  static PodDisruptionBudget podDisruptionBudget(ComputeNodeGroupSpec spec, RenderOptions options) {
    String group = spec.name();
    return new PodDisruptionBudgetBuilder()
        .withMetadata(
            ObjectMetas.owned(group, spec.namespace(), Names.podDisruptionBudget(group), options))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(ObjectMetas.sorted(Labels.selector(group)))
        .endSelector()
        .endSpec()
        .build();
  }
}
