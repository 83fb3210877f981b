package io.srcn.testkit.k8s.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defaults a v1.32 API server fills in pods and pod templates, Services and Secrets, from
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe,
 * SetDefaults_HTTPGetAction, SetDefaults_Service and SetDefaults_ServicePort in kubernetes
 * pkg/apis/core/v1/defaults.go, and the Secret conversion that merges {@code stringData} into
 * {@code data} (pkg/apis/core/v1/conversion.go). Only fields left unset are filled.
 *
 * <p>Stateless and thread-safe.
 */
final class PodDefaults {
  private PodDefaults() {}

  /** A pod spec (of a pod or a pod template). */
  static void podSpec(ObjectNode spec) {
    text(spec, "dnsPolicy", "ClusterFirst");
    text(spec, "restartPolicy", "Always");
    text(spec, "schedulerName", "default-scheduler");
    number(spec, "terminationGracePeriodSeconds", 30);
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    for (String list : new String[] {"initContainers", "containers"}) {
      for (JsonNode c : spec.path(list)) {
        if (c instanceof ObjectNode container) {
          container(container);
        }
      }
    }
  }

  private static void container(ObjectNode c) {
    text(c, "terminationMessagePath", "/dev/termination-log");
    text(c, "terminationMessagePolicy", "File");
    String image = Json.text(c, "image");
    if (image != null) {
      text(c, "imagePullPolicy", pullPolicy(image));
    }
    for (JsonNode p : c.path("ports")) {
      if (p instanceof ObjectNode port) {
        text(port, "protocol", "TCP");
      }
    }
    for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
      if (c.get(probe) instanceof ObjectNode p) {
        number(p, "timeoutSeconds", 1);
        number(p, "periodSeconds", 10);
        number(p, "successThreshold", 1);
        number(p, "failureThreshold", 3);
        if (p.get("httpGet") instanceof ObjectNode get) {
          text(get, "path", "/");
          text(get, "scheme", "HTTP");
        }
      }
    }
  }

  /** Always for {@code :latest} or no tag, IfNotPresent otherwise (a digest counts as a tag). */
  static String pullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash || image.endsWith(":latest")) {
      return "Always";
    }
    return "IfNotPresent";
  }

  /** A Service spec. */
  static void service(ObjectNode spec) {
    text(spec, "type", "ClusterIP");
    text(spec, "sessionAffinity", "None");
    String type = Json.text(spec, "type");
    if (!"ExternalName".equals(type)) {
      text(spec, "internalTrafficPolicy", "Cluster");
    }
    for (JsonNode p : spec.path("ports")) {
      if (p instanceof ObjectNode port) {
        text(port, "protocol", "TCP");
        JsonNode target = port.get("targetPort");
        if ((target == null || target.isNull() || "0".equals(target.asString()))
            && port.has("port")) {
          port.set("targetPort", port.get("port"));
        }
      }
    }
  }

  /** {@code stringData} is written into {@code data} (base64) and never stored or returned. */
  static void secret(ObjectNode secret) {
    text(secret, "type", "Opaque");
    JsonNode stringData = secret.remove("stringData");
    if (stringData == null || !stringData.isObject()) {
      return;
    }
    ObjectNode data = Json.with(secret, "data");
    for (Map.Entry<String, JsonNode> e : stringData.properties()) {
      data.put(
          e.getKey(),
          Base64.getEncoder()
              .encodeToString(e.getValue().asString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static void text(ObjectNode node, String field, String value) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isString() && v.asString().isEmpty())) {
      node.put(field, value);
    }
  }

  private static void number(ObjectNode node, String field, long value) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      node.put(field, value);
    }
  }
}
