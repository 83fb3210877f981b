package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.internal.StorageEntries;
import io.srcn.sdk.naming.CnLayout;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the StatefulSet {@code g-cn}: Parallel pod management, the headless Service as {@code
 * serviceName}, the pod template and one volume claim template per storage volume. It carries the
 * pod labels too, so groups can be selected by them (controller sharding). {@code spec.replicas} is
 * left out whenever autoscaling is on, because the HPA owns it (StarRocks operator issues
 * #222/#247). The annotation {@code srcn.io/spec} holds the spec's canonical JSON (no password),
 * from which the controller recovers the group after a restart.
 *
 * <p>Stateless and thread-safe.
 */
final class StatefulSetRenderer {
  private StatefulSetRenderer() {}

  /**
   * The StatefulSet's labels: the pod labels plus the standard ones, so that a controller can
   * select (shard) groups by a pod label.
   */
  private static Map<String, String> groupLabels(ComputeNodeGroupSpec spec) {
    Map<String, String> labels = new TreeMap<>(spec.podLabels());
    labels.putAll(Labels.standard(spec.name()));
    return labels;
  }

  static StatefulSet statefulSet(ComputeNodeGroupSpec spec, String configHash) {
    String group = spec.name();
    return new StatefulSetBuilder()
        .withMetadata(
            ObjectMetas.base(group, spec.namespace(), Names.statefulSet(group))
                .withLabels(groupLabels(spec))
                .withAnnotations(
                    ObjectMetas.sorted(Map.of(Labels.SPEC_ANNOTATION, spec.toCanonicalJson())))
                .build())
        .withNewSpec()
        .withReplicas(spec.autoscaling().isPresent() ? null : spec.replicas())
        .withNewSelector()
        .withMatchLabels(ObjectMetas.sorted(Labels.selector(group)))
        .endSelector()
        .withServiceName(Names.headlessService(group))
        .withPodManagementPolicy("Parallel")
        .withTemplate(template(spec, configHash))
        .withVolumeClaimTemplates(spec.storage().stream().map(v -> claim(group, v)).toList())
        .endSpec()
        .build();
  }

  private static PodTemplateSpec template(ComputeNodeGroupSpec spec, String configHash) {
    Map<String, String> labels = new TreeMap<>(spec.podLabels());
    labels.putAll(Labels.standard(spec.name()));
    Map<String, String> annotations = new TreeMap<>(spec.podAnnotations());
    annotations.put(Labels.CONFIG_HASH_ANNOTATION, configHash);
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withSpec(podSpec(spec))
        .build();
  }

  private static PodSpec podSpec(ComputeNodeGroupSpec spec) {
    boolean hasServiceAccount = spec.serviceAccount().isPresent();
    return new PodSpecBuilder()
        .withContainers(ContainerRenderer.container(spec))
        .withVolumes(volumes(spec))
        .withTerminationGracePeriodSeconds(spec.terminationGracePeriod().toSeconds())
        .withServiceAccountName(spec.serviceAccount().orElse(null))
        .withAutomountServiceAccountToken(hasServiceAccount ? null : Boolean.FALSE)
        .withImagePullSecrets(
            spec.imagePullSecrets().stream().map(LocalObjectReference::new).toList())
        .withNodeSelector(
            spec.nodeSelector().isEmpty() ? null : ObjectMetas.sorted(spec.nodeSelector()))
        .withTolerations(
            spec.tolerations().stream().map(t -> new TolerationBuilder(t).build()).toList())
        .withAffinity(spec.affinity().map(a -> new AffinityBuilder(a).build()).orElse(null))
        .withTopologySpreadConstraints(
            spec.topologySpreadConstraints().stream()
                .map(t -> new TopologySpreadConstraintBuilder(t).build())
                .toList())
        .withSecurityContext(
            spec.securityContext().map(s -> new PodSecurityContextBuilder(s).build()).orElse(null))
        .build();
  }

  /** The ConfigMap volume, and the emptyDir for log files when no volume has purpose LOGS. */
  private static List<Volume> volumes(ComputeNodeGroupSpec spec) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(CnLayout.CONFIG_VOLUME)
            .withNewConfigMap()
            .withName(Names.configMap(spec.name()))
            .endConfigMap()
            .build());
    if (StorageEntries.needsLogEmptyDir(spec)) {
      volumes.add(
          new VolumeBuilder()
              .withName(StorageEntries.LOG_VOLUME)
              .withNewEmptyDir()
              .endEmptyDir()
              .build());
    }
    return volumes;
  }

  private static PersistentVolumeClaim claim(String group, StorageVolume v) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(v.name())
        .withLabels(ObjectMetas.sorted(Labels.standard(group)))
        .endMetadata()
        .withNewSpec()
        .withAccessModes(List.of("ReadWriteOnce"))
        .withStorageClassName(v.storageClass().orElse(null))
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(v.size())))
        .endResources()
        .endSpec()
        .build();
  }
}
