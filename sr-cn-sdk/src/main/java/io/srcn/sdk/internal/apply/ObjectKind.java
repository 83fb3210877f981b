package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.sdk.internal.render.RenderedObjects;
import io.srcn.sdk.naming.Names;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The five kinds of object in a group: how each is named, what RBAC calls it, where the client
 * reaches it and which rendered object it is.
 *
 * <p>Thread-safe (an enum).
 */
enum ObjectKind {
  CONFIG_MAP("ConfigMap", "", "configmaps", Names::configMap),
  SERVICE("Service", "", "services", Names::headlessService),
  STATEFUL_SET("StatefulSet", "apps", "statefulsets", Names::statefulSet),
  AUTOSCALER(
      "HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", Names::autoscaler),
  POD_DISRUPTION_BUDGET(
      "PodDisruptionBudget", "policy", "poddisruptionbudgets", Names::podDisruptionBudget);

  private final String kind;
  private final String apiGroup;
  private final String resource;
  private final UnaryOperator<String> naming;

  ObjectKind(String kind, String apiGroup, String resource, UnaryOperator<String> naming) {
    this.kind = kind;
    this.apiGroup = apiGroup;
    this.resource = resource;
    this.naming = naming;
  }

  /** The Kubernetes kind. */
  String kind() {
    return kind;
  }

  /** The object's name in group {@code group}. */
  String name(String group) {
    return naming.apply(group);
  }

  /** How RBAC and error messages name the object. */
  ResourceRef ref(String namespace, String group) {
    return new ResourceRef(kind, apiGroup, resource, namespace, name(group));
  }

  /** The rendered object of this kind, if the group has one. */
  Optional<HasMetadata> desired(RenderedObjects rendered) {
    return switch (this) {
      case CONFIG_MAP -> Optional.of(rendered.configMap());
      case SERVICE -> Optional.of(rendered.headlessService());
      case STATEFUL_SET -> Optional.of(rendered.statefulSet());
      case AUTOSCALER -> rendered.autoscalerInVersion();
      case POD_DISRUPTION_BUDGET -> Optional.of(rendered.podDisruptionBudget());
    };
  }

  /**
   * The kind of a live object by its model class (an informer's copy need not carry {@code kind}),
   * or empty for an object of another kind. The HPA in either version.
   */
  static Optional<ObjectKind> of(HasMetadata object) {
    if (object instanceof io.fabric8.kubernetes.api.model.ConfigMap) {
      return Optional.of(CONFIG_MAP);
    } else if (object instanceof io.fabric8.kubernetes.api.model.Service) {
      return Optional.of(SERVICE);
    } else if (object instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet) {
      return Optional.of(STATEFUL_SET);
    } else if (object
            instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler
        || object
            instanceof
            io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler) {
      return Optional.of(AUTOSCALER);
    } else if (object instanceof io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget) {
      return Optional.of(POD_DISRUPTION_BUDGET);
    }
    return Optional.empty();
  }

  /** The client handle of the object {@code name}; the HPA in {@code hpaVersion}. */
  Resource<? extends HasMetadata> handle(
      KubernetesClient client, String namespace, String name, HpaVersion hpaVersion) {
    return switch (this) {
      case CONFIG_MAP -> client.configMaps().inNamespace(namespace).withName(name);
      case SERVICE -> client.services().inNamespace(namespace).withName(name);
      case STATEFUL_SET -> client.apps().statefulSets().inNamespace(namespace).withName(name);
      case AUTOSCALER ->
          hpaVersion == HpaVersion.V2
              ? client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(namespace)
                  .withName(name)
              : client
                  .autoscaling()
                  .v2beta2()
                  .horizontalPodAutoscalers()
                  .inNamespace(namespace)
                  .withName(name);
      case POD_DISRUPTION_BUDGET ->
          client.policy().v1().podDisruptionBudget().inNamespace(namespace).withName(name);
    };
  }
}
