package io.srcn.testkit.k8s.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The field names each built-in kind's schema has, read once per model class from fabric8's typed
 * model (the {@code @JsonProperty} fields of every class that keeps what it does not know in {@code
 * additionalProperties}) and then matched against request trees without deserializing them: a write
 * with no unknown field costs one walk of its JSON tree.
 *
 * <p>Thread-safe: the schemas are computed once and immutable.
 */
final class KnownFields {
  /** What a JSON value at some field must be walked as. */
  private sealed interface Shape permits Leaf, Bean, ListOf, MapOf {}

  /** A value whose inside is not checked (scalars, quantities, int-or-string, free maps). */
  private record Leaf() implements Shape {}

  /** An object of a model class: its known properties, by JSON name. */
  private record Bean(Class<?> type) implements Shape {}

  /** A JSON array of one shape. */
  private record ListOf(Shape item) implements Shape {}

  /** A JSON object whose values have one shape (a Java map). */
  private record MapOf(Shape value) implements Shape {}

  private static final Leaf LEAF = new Leaf();

  /** The properties of each model class, by JSON name. */
  private static final ClassValue<Map<String, Shape>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Map<String, Shape> computeValue(Class<?> type) {
          Map<String, Shape> out = new HashMap<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              JsonProperty p = f.getAnnotation(JsonProperty.class);
              if (!Modifier.isStatic(f.getModifiers()) && p != null) {
                out.putIfAbsent(p.value(), shape(f.getGenericType(), 0));
              }
            }
          }
          return Map.copyOf(out);
        }
      };

  /** The model class of each {@code apiVersion/kind}, empty when fabric8 has none. */
  private static final Map<String, Optional<Class<?>>> KINDS = new ConcurrentHashMap<>();

  private KnownFields() {}

  /**
   * The paths of fields in {@code obj} its kind's schema does not have ({@code a.b[2].c}), in
   * document order; empty for kinds without a typed model (custom resources).
   */
  static List<String> unknown(JsonNode obj) {
    String apiVersion = Json.text(obj, "apiVersion");
    String kind = Json.text(obj, "kind");
    if (apiVersion == null || kind == null) {
      return List.of();
    }
    Optional<Class<?>> type =
        KINDS.computeIfAbsent(apiVersion + "/" + kind, k -> modelClass(apiVersion, kind));
    if (type.isEmpty() || !walkable(type.get())) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>(0);
    walkBean(obj, type.get(), "", out, 0);
    return out;
  }

  private static Optional<Class<?>> modelClass(String apiVersion, String kind) {
    try {
      var stub = Json.object().put("apiVersion", apiVersion).put("kind", kind);
      Object typed = Serialization.jsonMapper().treeToValue(stub, KubernetesResource.class);
      return typed == null || typed instanceof GenericKubernetesResource
          ? Optional.empty()
          : Optional.of(typed.getClass());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void walk(JsonNode node, Shape shape, String path, List<String> out, int depth) {
    if (depth > 40 || node == null) {
      return;
    }
    if (shape instanceof Bean b && node.isObject()) {
      walkBean(node, b.type(), path, out, depth);
    } else if (shape instanceof ListOf l && node.isArray() && !(l.item() instanceof Leaf)) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), l.item(), path + "[" + i + "]", out, depth + 1);
      }
    } else if (shape instanceof MapOf m && node.isObject() && !(m.value() instanceof Leaf)) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), m.value(), path + "." + e.getKey(), out, depth + 1);
      }
    }
  }

  private static void walkBean(
      JsonNode node, Class<?> type, String path, List<String> out, int depth) {
    Map<String, Shape> known = PROPERTIES.get(type);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      Shape child = known.get(name);
      if (child == null) {
        out.add(path.isEmpty() ? name : path.substring(1) + "." + name);
      } else if (!(child instanceof Leaf)
          && !(path.equals(".metadata") && name.equals("managedFields"))) {
        walk(e.getValue(), child, path + "." + name, out, depth + 1);
      }
    }
  }

  private static Shape shape(Type type, int depth) {
    if (depth > 5) {
      return LEAF;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) && args.length == 1) {
        return new ListOf(shape(args[0], depth + 1));
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return new MapOf(shape(args[1], depth + 1));
      }
      return LEAF;
    }
    return type instanceof Class<?> c && walkable(c) ? new Bean(c) : LEAF;
  }

  /**
   * Whether objects of the class are plain model beans that keep unknown properties (those with a
   * custom deserializer, such as Quantity, or no {@code additionalProperties}, such as IntOrString,
   * are leaves).
   */
  private static boolean walkable(Class<?> c) {
    if (!c.getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return false;
    }
    JsonDeserialize d = c.getAnnotation(JsonDeserialize.class);
    if (d != null && d.using() != ValueDeserializer.None.class) {
      return false;
    }
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (f.getName().equals("additionalProperties")) {
          return true;
        }
      }
    }
    return false;
  }
}
