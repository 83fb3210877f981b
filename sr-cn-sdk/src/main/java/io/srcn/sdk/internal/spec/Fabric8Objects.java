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

  /** The readable properties of a model class, and its additionalProperties getter. */
  private record Shape(List<Method> getters, List<String> names, Method additional) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shape(type);
        }
      };

  private Fabric8Objects() {}

  /** The one fabric8 serialization of the SDK's spec code (expensive to create, thread-safe). */
  static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

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
    Shape shape = SHAPES.get(object.getClass());
    if (shape.additional() != null
        && invoke(shape.additional(), object) instanceof Map<?, ?> extra
        && !extra.isEmpty()) {
      extra.keySet().stream()
          .map(String::valueOf)
          .sorted()
          .forEach(k -> v.add(k, "unknown field of " + object.getClass().getSimpleName()));
    }
    for (int i = 0; i < shape.getters().size(); i++) {
      Object value = invoke(shape.getters().get(i), object);
      String field = shape.names().get(i);
      if (value instanceof List<?> list) {
        for (int j = 0; j < list.size(); j++) {
          walk(v.child(field + "[" + j + "]"), list.get(j));
        }
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, e) -> walk(v.child(field + "[" + k + "]"), e));
      } else if (value != null && isModel(value.getClass())) {
        walk(v.child(field), value);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith("io.fabric8.kubernetes.api.model.")
        && KubernetesResource.class.isAssignableFrom(type)
        && !Quantity.class.isAssignableFrom(type)
        && !AnyType.class.isAssignableFrom(type);
  }

  private static Shape shape(Class<?> type) {
    List<Method> getters = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Method additional = null;
    for (Method m : type.getMethods()) {
      String name = m.getName();
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !name.startsWith("get")
          || name.length() <= 3
          || name.equals("getClass")) {
        continue;
      }
      if (name.equals("getAdditionalProperties")) {
        additional = m;
      } else {
        getters.add(m);
        names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
      }
    }
    return new Shape(List.copyOf(getters), List.copyOf(names), additional);
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
