package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strategic merge patch for the built-in shapes clients send: maps merge like RFC 7386; lists with
 * a Kubernetes patch merge key (containers, env, ports, volumes, volumeMounts, conditions,
 * ownerReferences, ...) merge element by key; {@code finalizers} merge as a set; other lists
 * replace. Directives {@code $patch} (merge/replace/delete), {@code $retainKeys}, {@code
 * $deleteFromPrimitiveList/} and {@code $setElementOrder/} (ignored: order is kept) are understood;
 * any other directive is a 415 naming it.
 *
 * <p>Stateless and thread-safe.
 */
public final class StrategicMergePatch {
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("env", "name"),
          Map.entry("volumes", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("conditions", "type"),
          Map.entry("ownerReferences", "uid"),
          Map.entry("hostAliases", "ip"),
          Map.entry("resourceClaims", "name"),
          Map.entry("topologySpreadConstraints", "topologyKey"));
  private static final Set<String> SET_LISTS = Set.of("finalizers");

  /**
   * The merge key of a list field, or null for an atomic list ({@code ports} depends on context).
   */
  static String mergeKey(String field, boolean inContainers) {
    return field.equals("ports")
        ? (inContainers ? "containerPort" : "port")
        : MERGE_KEYS.get(field);
  }

  /** Whether a list field merges as a set of values. */
  static boolean isSetList(String field) {
    return SET_LISTS.contains(field);
  }

  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  /** Applies the patch to a copy of the document. */
  public static JsonNode apply(JsonNode document, JsonNode patch) {
    if (!patch.isObject()) {
      throw ApiException.badRequest("a strategic merge patch must be a JSON object");
    }
    JsonNode out =
        mergeObject(
            document != null && document.isObject() ? document : Json.object(), patch, false);
    return out == null ? Json.object() : out;
  }

  private static JsonNode mergeObject(JsonNode target, JsonNode patch, boolean inContainers) {
    String directive = Json.text(patch, "$patch");
    if ("delete".equals(directive)) {
      return null;
    }
    ObjectNode result =
        "replace".equals(directive) ? Json.object() : (ObjectNode) target.deepCopy();
    List<String> retain = null;
    for (Map.Entry<String, JsonNode> e : new ArrayList<>(patch.properties())) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("$patch") || key.startsWith(ORDER)) {
        continue;
      }
      if (key.equals("$retainKeys")) {
        retain = new ArrayList<>();
        for (JsonNode k : value) {
          retain.add(k.asString());
        }
      } else if (key.startsWith(DELETE_PRIMITIVE)) {
        deleteFromList(result, key.substring(DELETE_PRIMITIVE.length()), value);
      } else if (key.startsWith("$")) {
        throw ApiException.unsupportedMediaType(
            "strategic merge patch directive " + key + " is not supported by the mock API server");
      } else if (value.isNull()) {
        result.remove(key);
      } else {
        JsonNode merged = mergeValue(key, result.get(key), value, inContainers);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      }
    }
    if (retain != null) {
      result.retain(retain);
    }
    return result;
  }

  private static JsonNode mergeValue(
      String key, JsonNode current, JsonNode value, boolean inContainers) {
    boolean containers = inContainers || key.endsWith("ontainers");
    if (value.isObject()) {
      return mergeObject(
          current != null && current.isObject() ? current : Json.object(), value, containers);
    }
    if (!value.isArray()) {
      return value.deepCopy();
    }
    if (SET_LISTS.contains(key)) {
      return union(current, (ArrayNode) value);
    }
    String mergeKey =
        key.equals("ports") ? (inContainers ? "containerPort" : "port") : MERGE_KEYS.get(key);
    if (mergeKey == null || listReplace((ArrayNode) value)) {
      return stripDirectives((ArrayNode) value);
    }
    return mergeList(
        current != null && current.isArray() ? (ArrayNode) current : Json.array(),
        (ArrayNode) value,
        mergeKey,
        containers);
  }

  private static ArrayNode mergeList(
      ArrayNode current, ArrayNode patch, String mergeKey, boolean containers) {
    ArrayNode result = current.deepCopy();
    for (JsonNode element : patch) {
      if (!element.isObject()) {
        throw ApiException.badRequest(
            "strategic merge patch: list elements must be objects with key " + mergeKey);
      }
      JsonNode keyValue = element.get(mergeKey);
      int index = indexOf(result, mergeKey, keyValue);
      if ("delete".equals(Json.text(element, "$patch"))) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        result.set(index, mergeObject(result.get(index), element, containers));
      } else {
        result.add(mergeObject(Json.object(), element, containers));
      }
    }
    return result;
  }

  private static boolean listReplace(ArrayNode patch) {
    for (JsonNode e : patch) {
      if (e.isObject() && "replace".equals(Json.text(e, "$patch"))) {
        return true;
      }
    }
    return false;
  }

  private static ArrayNode stripDirectives(ArrayNode list) {
    ArrayNode out = Json.array();
    for (JsonNode e : list) {
      if (!(e.isObject() && e.has("$patch") && e.size() == 1)) {
        out.add(e.deepCopy());
      }
    }
    return out;
  }

  private static int indexOf(ArrayNode list, String mergeKey, JsonNode keyValue) {
    for (int i = 0; keyValue != null && i < list.size(); i++) {
      if (keyValue.equals(list.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }

  private static ArrayNode union(JsonNode current, ArrayNode patch) {
    ArrayNode out =
        current != null && current.isArray() ? (ArrayNode) current.deepCopy() : Json.array();
    for (JsonNode v : patch) {
      boolean present = false;
      for (JsonNode c : out) {
        present |= c.equals(v);
      }
      if (!present) {
        out.add(v.deepCopy());
      }
    }
    return out;
  }

  private static void deleteFromList(ObjectNode target, String field, JsonNode values) {
    JsonNode list = target.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    ArrayNode kept = Json.array();
    for (JsonNode v : list) {
      boolean drop = false;
      for (JsonNode d : values) {
        drop |= d.equals(v);
      }
      if (!drop) {
        kept.add(v);
      }
    }
    target.set(field, kept);
  }
}
