package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.internal.Violations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * fabric8 model objects inside a spec: copies normalized through their Kubernetes JSON form (so a
 * spec read back from YAML equals the one written), conversion to and from plain {@code Map}/{@code
 * List} trees, and detection of unknown fields (fabric8 keeps them in {@code additionalProperties}
 * instead of failing).
 *
 * <p>Thread-safe.
 */
public final class Fabric8Objects {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final ClassValue<List<Method>> GETTERS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          return getters(type);
        }
      };

  private Fabric8Objects() {}

  /** A deep copy in normal form (what reading it back from JSON gives). */
  public static <T> T copy(T object, Class<T> type) {
    return fromTree(toTree(object), type);
  }

  /** The object's Kubernetes JSON shape as plain maps, lists, strings, numbers and booleans. */
  public static Object toTree(Object object) {
    return SERIALIZATION.convertValue(object, Object.class);
  }

  /**
   * Reads a tree into a model object.
   *
   * @throws IllegalArgumentException with a one-line reason when the shape does not fit
   */
  public static <T> T fromTree(Object tree, Class<T> type) {
    try {
      return SERIALIZATION.convertValue(tree, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(firstLine(e.getMessage()), e);
    }
  }

  /** Records every unknown field (kept by fabric8 in {@code additionalProperties}) of an object. */
  public static void unknownFields(Violations v, Object object) {
    walk(v, object);
  }

  private static void walk(Violations v, Object object) {
    if (object == null || !isModel(object.getClass())) {
      return;
    }
    if (object instanceof KubernetesResource resource) {
      additional(resource).keySet().stream()
          .sorted()
          .forEach(k -> v.add(k, "unknown field of " + object.getClass().getSimpleName()));
    }
    for (Method getter : GETTERS.get(object.getClass())) {
      Object value = invoke(getter, object);
      String field = property(getter);
      if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          walk(v.child(field + "[" + i + "]"), list.get(i));
        }
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, e) -> walk(v.child(field + "[" + k + "]"), e));
      } else {
        walk(v.child(field), value);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith("io.fabric8.kubernetes.api.model.")
        && !Quantity.class.isAssignableFrom(type)
        && !AnyType.class.isAssignableFrom(type)
        && !type.isEnum();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additional(KubernetesResource resource) {
    try {
      Method m = resource.getClass().getMethod("getAdditionalProperties");
      Object value = m.invoke(resource);
      return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    } catch (NoSuchMethodException e) {
      return Map.of();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read additionalProperties of " + resource, e);
    }
  }

  private static List<Method> getters(Class<?> type) {
    List<Method> result = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())
          && m.getName().startsWith("get")
          && m.getName().length() > 3
          && !m.getName().equals("getClass")
          && !m.getName().equals("getAdditionalProperties")) {
        result.add(m);
      }
    }
    return List.copyOf(result);
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }

  private static String property(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
