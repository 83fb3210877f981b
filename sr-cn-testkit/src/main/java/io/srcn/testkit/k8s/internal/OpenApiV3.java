package io.srcn.testkit.k8s.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal OpenAPI v3 description: per group-version, the PATCH operation of every resource with
 * its group-version-kind and the {@code fieldValidation}, {@code fieldManager}, {@code force} and
 * {@code dryRun} query parameters. That is what kubectl checks to use server-side field validation
 * instead of downloading full schemas. No schemas are served (the mock does not validate fields).
 *
 * <p>Stateless and thread-safe.
 */
final class OpenApiV3 {
  private OpenApiV3() {}

  /** {@code /openapi/v3}: where each group-version's document is. */
  static ObjectNode root(Map<String, List<String>> versionsByGroup) {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    versionsByGroup.forEach(
        (group, versions) -> {
          for (String v : versions) {
            String key = group.isEmpty() ? "api/" + v : "apis/" + group + "/" + v;
            paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=srcn-mock");
          }
        });
    return root;
  }

  /** The document of one group-version. */
  static ObjectNode groupVersion(String group, String version, List<ApiResource> resources) {
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes (sr-cn-testkit mock)").put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    for (ApiResource r : resources) {
      String base =
          Paths.groupVersion(group, version)
              + (r.namespaced() ? "/namespaces/{namespace}/" : "/")
              + r.plural();
      ObjectNode patch = paths.putObject(base + "/{name}").putObject("patch");
      patch.put("operationId", "patch" + r.kind());
      ArrayNode params = patch.putArray("parameters");
      for (String name : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
        params
            .addObject()
            .put("name", name)
            .put("in", "query")
            .putObject("schema")
            .put("type", name.equals("force") ? "boolean" : "string");
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
      patch.put("x-kubernetes-action", "patch");
      patch
          .putObject("x-kubernetes-group-version-kind")
          .put("group", group)
          .put("kind", r.kind())
          .put("version", version);
    }
    doc.putObject("components").putObject("schemas");
    return doc;
  }
}
