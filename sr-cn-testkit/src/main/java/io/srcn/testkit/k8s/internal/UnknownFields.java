package io.srcn.testkit.k8s.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields the schema of a built-in kind does not have, found through fabric8's typed model (whose
 * classes keep what they do not know in {@code additionalProperties}), handled per {@code
 * fieldValidation} as the API server does (k8s.io/apiserver pkg/endpoints/handlers/create.go,
 * update.go and patch.go): {@code Strict} is a 400 "strict decoding error: unknown field", {@code
 * Warn} (the default) and {@code Ignore} drop the fields, Warn also answers a {@code Warning}
 * header per field. Custom resources are not checked.
 *
 * <p>Stateless and thread-safe.
 */
final class UnknownFields {
  /** The instance fields of each model class, looked up once. */
  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          List<Field> out = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers())) {
                continue;
              }
              if (f.getName().equals("additionalProperties")
                  || f.getAnnotation(JsonProperty.class) != null) {
                try {
                  f.setAccessible(true);
                  out.add(f);
                } catch (RuntimeException e) {
                  // not readable: not checked
                }
              }
            }
          }
          return List.copyOf(out);
        }
      };

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
    Object typed;
    try {
      typed =
          Serialization.jsonMapper()
              .treeToValue(obj, io.fabric8.kubernetes.api.model.KubernetesResource.class);
    } catch (RuntimeException e) {
      return List.of(); // not a typed kind; left to the handlers' own checks
    }
    if (typed == null || typed instanceof GenericKubernetesResource) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    walk(typed, "", paths, 0);
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

  private static void walk(Object o, String path, List<String> out, int depth) {
    if (o == null || depth > 40) {
      return;
    }
    if (o instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) {
        walk(item, path + "[" + i++ + "]", out, depth + 1);
      }
      return;
    }
    if (o instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        walk(e.getValue(), path + "." + e.getKey(), out, depth + 1);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Field f : FIELDS.get(o.getClass())) {
      try {
        Object value = f.get(o);
        if (f.getName().equals("additionalProperties")) {
          if (value instanceof Map<?, ?> extra) {
            for (Object key : extra.keySet()) {
              out.add(path.isEmpty() ? String.valueOf(key) : path.substring(1) + "." + key);
            }
          }
        } else if (value != null && !(value instanceof String)) {
          String name = f.getAnnotation(JsonProperty.class).value();
          if (!(path.equals(".metadata") && name.equals("managedFields"))) {
            walk(value, path + "." + name, out, depth + 1);
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a field we cannot read: not checked
      }
    }
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
