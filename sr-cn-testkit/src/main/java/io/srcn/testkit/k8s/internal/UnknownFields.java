package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields the schema of a built-in kind does not have (see {@link KnownFields}), handled per {@code
 * fieldValidation} as the API server does (k8s.io/apiserver pkg/endpoints/handlers/create.go,
 * update.go and patch.go): {@code Strict} is a 400 "strict decoding error: unknown field", {@code
 * Warn} (the default) and {@code Ignore} drop the fields, Warn also answers a {@code Warning}
 * header per field. Custom resources are not checked.
 *
 * <p>Stateless and thread-safe.
 */
final class UnknownFields {
  private UnknownFields() {}

  /**
   * Drops unknown fields from {@code obj}; returns the Warning header values to send.
   *
   * @throws ApiException 400 under {@code fieldValidation=Strict}
   */
  static List<String> handle(ApiRequest req, ObjectNode obj) {
    String mode = req.query().getOrDefault("fieldValidation", "Warn");
    if (!mode.equals("Strict") && !mode.equals("Warn") && !mode.equals("Ignore")) {
      throw ApiException.badRequest(
          "fieldValidation: Unsupported value: \""
              + mode
              + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
    }
    List<String> paths = KnownFields.unknown(obj);
    if (paths.isEmpty()) {
      return List.of();
    }
    if (mode.equals("Strict")) {
      List<String> parts = new ArrayList<>();
      paths.forEach(p -> parts.add("unknown field \"" + p + "\""));
      String kind = Json.text(obj, "kind");
      String apiVersion = Json.text(obj, "apiVersion");
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      throw ApiException.badRequest(
          kind
              + " in version \""
              + version
              + "\" cannot be handled as a "
              + kind
              + ": strict decoding error: "
              + String.join(", ", parts));
    }
    for (String p : paths) {
      remove(obj, p);
    }
    List<String> warnings = new ArrayList<>();
    if (mode.equals("Warn")) {
      paths.forEach(p -> warnings.add("299 - \"unknown field \\\"" + p + "\\\"\""));
    }
    return warnings;
  }

  /** Removes {@code a.b[2].c} from the tree. */
  private static void remove(JsonNode root, String path) {
    String[] parts = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1 && node != null; i++) {
      node = step(node, parts[i]);
    }
    if (node instanceof ObjectNode o) {
      o.remove(parts[parts.length - 1]);
    }
  }

  private static JsonNode step(JsonNode node, String part) {
    int bracket = part.indexOf('[');
    String name = bracket < 0 ? part : part.substring(0, bracket);
    JsonNode next = node.get(name);
    while (next != null && bracket >= 0) {
      int close = part.indexOf(']', bracket);
      next = next.get(Integer.parseInt(part.substring(bracket + 1, close)));
      bracket = part.indexOf('[', close);
    }
    return next;
  }
}
