package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The StatefulSet and pod template part of {@link KubernetesValidation}. */
final class WorkloadValidation {
  /** A StatefulSet's name plus {@code -<10-char revision hash>} becomes a label value. */
  private static final int REVISION_SUFFIX = 11;

  private final KubernetesValidation v;

  WorkloadValidation(KubernetesValidation v) {
    this.v = v;
  }

  void statefulSet(StatefulSet s) {
    String name = s.getMetadata().getName();
    v.check(
        name.length() + REVISION_SUFFIX <= 63,
        "metadata.name",
        "short enough for the controller-revision-hash label");
    StatefulSetSpec spec = s.getSpec();
    v.check(spec.getReplicas() == null || spec.getReplicas() >= 0, "spec.replicas", ">= 0");
    v.check(
        KubernetesValidation.isDns1123Label(spec.getServiceName()),
        "spec.serviceName",
        "DNS-1123 label");
    v.check(
        List.of("OrderedReady", "Parallel").contains(spec.getPodManagementPolicy()),
        "spec.podManagementPolicy",
        "OrderedReady or Parallel");
    Map<String, String> selector = spec.getSelector().getMatchLabels();
    v.check(!selector.isEmpty(), "spec.selector", "required");
    PodTemplateSpec template = spec.getTemplate();
    Map<String, String> podLabels = template.getMetadata().getLabels();
    selector.forEach(
        (k, val) ->
            v.check(
                val.equals(podLabels.get(k)), "spec.template.metadata.labels", "match selector"));
    v.labels("spec.template.metadata.labels", podLabels);
    v.annotations("spec.template.metadata.annotations", template.getMetadata().getAnnotations());
    claims(spec.getVolumeClaimTemplates());
    pod("spec.template.spec", template.getSpec(), spec.getVolumeClaimTemplates());
  }

  private void claims(List<PersistentVolumeClaim> claims) {
    Set<String> names = new HashSet<>();
    for (PersistentVolumeClaim c : claims) {
      String path = "spec.volumeClaimTemplates[" + c.getMetadata().getName() + "]";
      v.check(KubernetesValidation.isDns1123Label(c.getMetadata().getName()), path, "name");
      v.check(names.add(c.getMetadata().getName()), path, "unique");
      v.check(!c.getSpec().getAccessModes().isEmpty(), path + ".spec.accessModes", "required");
      Quantity storage = c.getSpec().getResources().getRequests().get("storage");
      v.check(storage != null, path + ".spec.resources.requests.storage", "required");
      if (storage != null) {
        v.quantity(path + ".spec.resources.requests.storage", storage, true);
      }
      v.labels(path + ".metadata.labels", c.getMetadata().getLabels());
    }
  }

  private void pod(String path, PodSpec pod, List<PersistentVolumeClaim> claims) {
    v.check(
        pod.getTerminationGracePeriodSeconds() == null
            || pod.getTerminationGracePeriodSeconds() >= 0,
        path + ".terminationGracePeriodSeconds",
        ">= 0");
    Set<String> volumes = new HashSet<>();
    for (Volume vol : pod.getVolumes()) {
      v.check(KubernetesValidation.isDns1123Label(vol.getName()), path + ".volumes", "name");
      v.check(volumes.add(vol.getName()), path + ".volumes[" + vol.getName() + "]", "unique");
    }
    claims.forEach(
        c ->
            v.check(
                !volumes.contains(c.getMetadata().getName()),
                path + ".volumes[" + c.getMetadata().getName() + "]",
                "not also a claim template"));
    v.check(!pod.getContainers().isEmpty(), path + ".containers", "at least one");
    Set<String> names = new HashSet<>();
    for (Container c : pod.getContainers()) {
      String cp = path + ".containers[" + c.getName() + "]";
      v.check(KubernetesValidation.isDns1123Label(c.getName()), cp + ".name", "DNS-1123 label");
      v.check(names.add(c.getName()), cp + ".name", "unique");
      container(cp, c, pod, claims);
    }
    pod.getImagePullSecrets()
        .forEach(
            s ->
                v.check(
                    KubernetesValidation.isSubdomain(s.getName()),
                    path + ".imagePullSecrets",
                    "name"));
    v.labels(path + ".nodeSelector", pod.getNodeSelector());
  }

  private void container(String path, Container c, PodSpec pod, List<PersistentVolumeClaim> cl) {
    v.check(c.getImage() != null && !c.getImage().isBlank(), path + ".image", "required");
    v.check(
        c.getImagePullPolicy() == null
            || List.of("Always", "IfNotPresent", "Never").contains(c.getImagePullPolicy()),
        path + ".imagePullPolicy",
        "Always, IfNotPresent or Never");
    Set<String> portNames = new HashSet<>();
    v.containerPorts(path + ".ports", c.getPorts(), portNames);
    Set<String> envNames = new HashSet<>();
    for (int i = 0; i < c.getEnv().size(); i++) {
      v.env(path + ".env[" + i + "]", c.getEnv().get(i));
      v.check(envNames.add(c.getEnv().get(i).getName()), path + ".env[" + i + "]", "unique");
    }
    resources(path + ".resources", c.getResources());
    v.mounts(path + ".volumeMounts", c, pod, cl);
    v.probe(path + ".startupProbe", c.getStartupProbe(), true, portNames);
    v.probe(path + ".livenessProbe", c.getLivenessProbe(), true, portNames);
    v.probe(path + ".readinessProbe", c.getReadinessProbe(), false, portNames);
    if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null) {
      v.check(
          !c.getLifecycle().getPreStop().getExec().getCommand().isEmpty(),
          path + ".lifecycle.preStop.exec.command",
          "required");
    }
  }

  private void resources(String path, ResourceRequirements r) {
    if (r == null) {
      return;
    }
    Map<String, Quantity> requests = r.getRequests() == null ? Map.of() : r.getRequests();
    Map<String, Quantity> limits = r.getLimits() == null ? Map.of() : r.getLimits();
    requests.forEach((k, q) -> v.quantity(path + ".requests." + k, q, false));
    limits.forEach((k, q) -> v.quantity(path + ".limits." + k, q, false));
    requests.forEach(
        (k, q) -> {
          Quantity limit = limits.get(k);
          v.check(
              limit == null
                  || Quantity.getAmountInBytes(q).compareTo(Quantity.getAmountInBytes(limit)) <= 0,
              path + ".requests." + k,
              "at most the limit");
        });
  }
}
