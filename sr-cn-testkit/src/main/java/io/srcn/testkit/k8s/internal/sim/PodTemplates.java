package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.KubeletNames;
import io.srcn.testkit.k8s.internal.PodNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the pod a StatefulSet controller creates for an ordinal: the template's labels and
 * annotations plus the StatefulSet pod labels, an ownerReference to the StatefulSet, hostname and
 * subdomain, and the simulated node.
 *
 * <p>Stateless and thread-safe.
 */
final class PodTemplates {
  private PodTemplates() {}

  static ObjectNode pod(
      ObjectNode sts, String namespace, String statefulSet, int ordinal, String revision) {
    JsonNode template = sts.path("spec").path("template");
    String name = PodNames.pod(statefulSet, ordinal);
    ObjectNode pod = Json.object();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", namespace);
    ObjectNode labels = meta.putObject("labels");
    template
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> labels.set(e.getKey(), e.getValue()));
    labels.put(Revisions.LABEL, revision);
    labels.put("statefulset.kubernetes.io/pod-name", name);
    labels.put("apps.kubernetes.io/pod-index", String.valueOf(ordinal));
    if (template.path("metadata").has("annotations")) {
      meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
    }
    ObjectNode owner = meta.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "apps/v1");
    owner.put("kind", "StatefulSet");
    owner.put("name", statefulSet);
    owner.put("uid", Json.text(sts, "metadata", "uid"));
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    ObjectNode spec =
        template.path("spec").isObject()
            ? (ObjectNode) template.path("spec").deepCopy()
            : Json.object();
    spec.put("hostname", name);
    String service = Json.text(sts, "spec", "serviceName");
    if (service != null && !service.isEmpty()) {
      spec.put("subdomain", service);
    }
    spec.put("nodeName", KubeletNames.NODE);
    pod.set("spec", spec);
    return pod;
  }
}
