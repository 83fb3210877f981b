package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field paths in the {@code FieldsV1} vocabulary of managed fields: {@code f:<field>} for object
 * fields, {@code k:<key json>} for items of keyed lists (containers by name, ports, env, ...),
 * {@code v:<value json>} for set lists (finalizers) and {@code .} for a list item itself. Atomic
 * lists and scalars are leaves. A path is its segments joined with {@link #SEP}.
 *
 * <p>Stateless and thread-safe.
 */
final class FieldPaths {
  /** Separator of path segments. */
  static final String SEP = "\u0001";

  private static final Set<String> IDENTITY =
      Set.of(
          "name",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "selfLink",
          "generateName");

  private FieldPaths() {}

  /**
   * Every leaf path of an object with its value (identity metadata, kind, apiVersion and optionally
   * status excluded).
   */
  static Map<String, JsonNode> leaves(JsonNode obj, boolean withStatus) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String k = e.getKey();
      if (k.equals("apiVersion") || k.equals("kind") || (k.equals("status") && !withStatus)) {
        continue;
      }
      if (k.equals("metadata")) {
        for (Map.Entry<String, JsonNode> m : e.getValue().properties()) {
          if (!IDENTITY.contains(m.getKey())) {
            walk(out, "f:metadata" + SEP + "f:" + m.getKey(), m.getKey(), m.getValue(), false);
          }
        }
      } else {
        walk(out, "f:" + k, k, e.getValue(), false);
      }
    }
    return out;
  }

  private static void walk(
      Map<String, JsonNode> out, String path, String field, JsonNode value, boolean inContainers) {
    boolean containers = inContainers || field.endsWith("ontainers");
    if (value.isObject() && !value.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        walk(out, path + SEP + "f:" + e.getKey(), e.getKey(), e.getValue(), containers);
      }
      return;
    }
    if (value.isArray() && !value.isEmpty()) {
      String key = StrategicMergePatch.mergeKey(field, inContainers);
      if (StrategicMergePatch.isSetList(field)) {
        for (JsonNode v : value) {
          out.put(path + SEP + "v:" + Json.write(v), v);
        }
        return;
      }
      if (key != null && allKeyed(value, key)) {
        for (JsonNode item : value) {
          String itemPath = path + SEP + "k:{\"" + key + "\":" + Json.write(item.get(key)) + "}";
          out.put(itemPath + SEP + ".", item);
          for (Map.Entry<String, JsonNode> e : item.properties()) {
            walk(out, itemPath + SEP + "f:" + e.getKey(), e.getKey(), e.getValue(), containers);
          }
        }
        return;
      }
    }
    out.put(path, value);
  }

  private static boolean allKeyed(JsonNode list, String key) {
    for (JsonNode item : list) {
      if (!item.isObject() || !item.has(key)) {
        return false;
      }
    }
    return true;
  }

  /** Removes the field a path names from the object (no-op when absent). */
  static void remove(ObjectNode obj, String path) {
    String[] seg = path.split(SEP);
    JsonNode parent = obj;
    for (int i = 0; i < seg.length - 1 && parent != null; i++) {
      parent = step(parent, seg[i]);
    }
    String last = seg[seg.length - 1];
    if (parent == null) {
      return;
    }
    if (last.equals(".")) {
      removeItem(obj, seg);
    } else if (last.startsWith("f:") && parent.isObject()) {
      ((ObjectNode) parent).remove(last.substring(2));
    } else if (last.startsWith("v:") && parent.isArray()) {
      JsonNode v = Json.parse(last.substring(2));
      ArrayNode list = (ArrayNode) parent;
      for (int i = list.size() - 1; i >= 0; i--) {
        if (list.get(i).equals(v)) {
          list.remove(i);
        }
      }
    }
  }

  private static void removeItem(ObjectNode obj, String[] seg) {
    JsonNode list = obj;
    for (int i = 0; i < seg.length - 2 && list != null; i++) {
      list = step(list, seg[i]);
    }
    if (list != null && list.isArray()) {
      int index = indexOf((ArrayNode) list, seg[seg.length - 2]);
      if (index >= 0) {
        ((ArrayNode) list).remove(index);
      }
    }
  }

  private static JsonNode step(JsonNode node, String seg) {
    if (seg.startsWith("f:")) {
      return node.isObject() ? node.get(seg.substring(2)) : null;
    }
    if (seg.startsWith("k:") && node.isArray()) {
      int i = indexOf((ArrayNode) node, seg);
      return i < 0 ? null : node.get(i);
    }
    return null;
  }

  private static int indexOf(ArrayNode list, String keySeg) {
    JsonNode key = Json.parse(keySeg.substring(2));
    for (int i = 0; i < list.size(); i++) {
      boolean all = true;
      for (Map.Entry<String, JsonNode> k : key.properties()) {
        all &= k.getValue().equals(list.get(i).get(k.getKey()));
      }
      if (all) {
        return i;
      }
    }
    return -1;
  }

  /** The FieldsV1 tree of a set of paths. */
  static ObjectNode toFieldsV1(Iterable<String> paths) {
    ObjectNode root = Json.object();
    for (String p : paths) {
      ObjectNode n = root;
      for (String seg : p.split(SEP)) {
        n = Json.with(n, seg);
      }
    }
    return root;
  }

  /** The paths of a FieldsV1 tree. */
  static List<String> fromFieldsV1(JsonNode tree) {
    List<String> out = new ArrayList<>();
    collect(tree, "", out);
    return out;
  }

  private static void collect(JsonNode node, String prefix, List<String> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + SEP + e.getKey();
      if (e.getValue().isEmpty()) {
        out.add(path);
      } else {
        collect(e.getValue(), path, out);
      }
    }
  }

  /** A path for humans: {@code .spec.template.spec.containers[name="cn"].image}. */
  static String display(String path) {
    StringBuilder sb = new StringBuilder();
    for (String seg : path.split(SEP)) {
      if (seg.startsWith("f:")) {
        sb.append('.').append(seg.substring(2));
      } else if (seg.startsWith("k:") || seg.startsWith("v:")) {
        sb.append('[').append(seg.substring(2)).append(']');
      }
    }
    return sb.toString();
  }
}
