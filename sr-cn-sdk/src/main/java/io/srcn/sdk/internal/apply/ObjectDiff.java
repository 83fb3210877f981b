package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares JSON trees ({@code Map}/{@code List}/scalars, as fabric8 serializes objects) to decide
 * whether a desired object is already in place.
 *
 * <p>{@link #changedPaths} treats the desired tree as a <em>subset</em> of the live one: fields the
 * live object has and the desired one does not (Kubernetes defaults, fields of other managers,
 * status) are ignored; empty maps and lists match absent ones; numbers compare by value; quantities
 * compare numerically ({@code 1000m} equals {@code 1}, {@code 1Gi} equals {@code 1073741824});
 * lists must have the same length and are compared element by element. {@link #removedPaths} finds
 * fields an earlier desired tree had and the current one lacks, which a subset check cannot see.
 *
 * <p>Paths read like {@code spec.template.spec.containers[cn].image}: list elements with a {@code
 * name} are shown by name, others by index; map keys with dots or slashes in brackets.
 *
 * <p>Stateless and thread-safe.
 */
public final class ObjectDiff {
  private static final Set<String> QUANTITY_MAPS = Set.of("requests", "limits", "capacity");
  private static final Set<String> QUANTITY_KEYS = Set.of("averageValue", "value");

  private ObjectDiff() {}

  /** The paths where {@code desired} is not contained in {@code live}; empty when it is. */
  public static List<String> changedPaths(Object desired, Object live) {
    List<String> out = new ArrayList<>();
    subset("", "", "", desired, live, out);
    return out;
  }

  /** The paths present in {@code previous} and absent from {@code current}. */
  public static List<String> removedPaths(Object previous, Object current) {
    List<String> out = new ArrayList<>();
    removed("", previous, current, out);
    return out;
  }

  private static void subset(
      String path, String key, String mapKey, Object desired, Object live, List<String> out) {
    if (desired == null || isEmptyContainer(desired)) {
      if (desired != null && live != null && !isEmptyContainer(live)) {
        out.add(display(path));
      }
      return;
    }
    if (desired instanceof Map<?, ?> d) {
      if (!(live instanceof Map<?, ?> l)) {
        out.add(display(path));
        return;
      }
      d.forEach((k, v) -> subset(child(path, k.toString()), k.toString(), key, v, l.get(k), out));
    } else if (desired instanceof List<?> d) {
      if (!(live instanceof List<?> l) || l.size() != d.size()) {
        out.add(display(path));
        return;
      }
      for (int i = 0; i < d.size(); i++) {
        subset(element(path, d.get(i), i), key, mapKey, d.get(i), l.get(i), out);
      }
    } else if (!scalarEquals(key, mapKey, desired, live)) {
      out.add(display(path));
    }
  }

  private static void removed(String path, Object previous, Object current, List<String> out) {
    if (previous == null || isEmptyContainer(previous)) {
      return;
    }
    if (current == null || isEmptyContainer(current)) {
      out.add(display(path));
    } else if (previous instanceof Map<?, ?> p && current instanceof Map<?, ?> c) {
      p.forEach((k, v) -> removed(child(path, k.toString()), v, c.get(k), out));
    } else if (previous instanceof List<?> p && current instanceof List<?> c) {
      if (p.size() > c.size()) {
        out.add(display(path));
        return;
      }
      for (int i = 0; i < p.size(); i++) {
        removed(element(path, p.get(i), i), p.get(i), c.get(i), out);
      }
    }
  }

  private static boolean scalarEquals(String key, String mapKey, Object desired, Object live) {
    if (Objects.equals(desired, live)) {
      return true;
    }
    if (desired instanceof Number d && live instanceof Number l) {
      return new BigDecimal(d.toString()).compareTo(new BigDecimal(l.toString())) == 0;
    }
    if (desired instanceof String d && live instanceof String l && isQuantity(key, mapKey)) {
      return quantityEquals(d, l);
    }
    return false;
  }

  private static boolean isQuantity(String key, String mapKey) {
    return QUANTITY_MAPS.contains(mapKey) || QUANTITY_KEYS.contains(key);
  }

  private static boolean quantityEquals(String a, String b) {
    try {
      return Quantity.getAmountInBytes(new Quantity(a))
              .compareTo(Quantity.getAmountInBytes(new Quantity(b)))
          == 0;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  private static boolean isEmptyContainer(Object o) {
    return (o instanceof Map<?, ?> m && m.isEmpty()) || (o instanceof List<?> l && l.isEmpty());
  }

  private static String child(String path, String key) {
    if (key.contains(".") || key.contains("/")) {
      return path + "[" + key + "]";
    }
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String element(String path, Object item, int index) {
    if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
      return path + "[" + name + "]";
    }
    return path + "[" + index + "]";
  }

  private static String display(String path) {
    return path.isEmpty() ? "(object)" : path;
  }
}
