package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GroupNotFoundException;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.RecordedSpecException;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.naming.Labels;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the spec a group was deployed with from its StatefulSet's {@code srcn.io/spec} annotation
 * (canonical JSON, never a password).
 *
 * <p>Stateless and thread-safe.
 */
public final class RecordedSpec {
  private RecordedSpec() {}

  /**
   * The recorded spec of group {@code name}.
   *
   * @throws GroupNotFoundException when the group does not exist
   * @throws RecordedSpecException when it is not managed by sr-cn-sdk or its annotation cannot be
   *     read
   */
  public static ComputeNodeGroupSpec read(KubernetesClient kube, String namespace, String name) {
    Optional<StatefulSet> sts = new DirectClusterView(kube, true).statefulSet(namespace, name);
    if (sts.isEmpty()) {
      throw new GroupNotFoundException(namespace, name);
    }
    return of(sts.get());
  }

  /**
   * The recorded specs of every group in {@code namespace} (every namespace when null), sorted by
   * namespace and name: the StatefulSets labelled {@code app.kubernetes.io/managed-by=sr-cn-sdk}
   * and {@code app.kubernetes.io/name=starrocks-cn}. One list call.
   *
   * @throws KubernetesOperationException when the list call fails (e.g. RBAC)
   * @throws CnSdkException naming the StatefulSet when one carries no readable spec
   */
  public static List<ComputeNodeGroupSpec> list(KubernetesClient kube, String namespace) {
    List<StatefulSet> items =
        KubeErrors.call(
            "list",
            new ResourceRef(
                "StatefulSet",
                "apps",
                "statefulsets",
                namespace == null ? "(all namespaces)" : namespace,
                "(groups)"),
            List.of("list"),
            () ->
                (namespace == null
                        ? kube.apps().statefulSets().inAnyNamespace()
                        : kube.apps().statefulSets().inNamespace(namespace))
                    .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                    .withLabel(Labels.NAME, Labels.NAME_VALUE)
                    .list()
                    .getItems());
    return items.stream()
        .map(RecordedSpec::of)
        .sorted(
            Comparator.comparing(ComputeNodeGroupSpec::namespace)
                .thenComparing(ComputeNodeGroupSpec::name))
        .toList();
  }

  /**
   * The recorded spec of a group's StatefulSet.
   *
   * @throws RecordedSpecException when it carries no readable spec
   */
  static ComputeNodeGroupSpec of(StatefulSet sts) {
    String where = sts.getMetadata().getNamespace() + "/" + sts.getMetadata().getName();
    Map<String, String> annotations = sts.getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(Labels.SPEC_ANNOTATION);
    if (json == null) {
      throw new RecordedSpecException(
          "StatefulSet "
              + where
              + " has no "
              + Labels.SPEC_ANNOTATION
              + " annotation:"
              + " it was not deployed by sr-cn-sdk",
          sts.getMetadata().getNamespace(),
          sts.getMetadata().getName(),
          null);
    }
    try {
      return ComputeNodeGroupSpec.fromCanonicalJson(json);
    } catch (InvalidSpecException e) {
      throw new RecordedSpecException(
          "the spec recorded on StatefulSet "
              + where
              + " cannot be read (edited by hand, or written by an incompatible sr-cn-sdk): "
              + e.getMessage(),
          sts.getMetadata().getNamespace(),
          sts.getMetadata().getName(),
          e);
    }
  }
}
