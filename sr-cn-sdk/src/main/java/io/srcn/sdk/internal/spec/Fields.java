package io.srcn.sdk.internal.spec;

import io.srcn.sdk.internal.Violations;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Typed, path-aware access to one mapping of a parsed document: every wrong type is recorded with
 * the field's path, and {@link #done()} records every key that was never read as an unknown field.
 * An explicit {@code null} reads like an absent key.
 *
 * <p>Not thread-safe; one reader at a time.
 */
final class Fields {
  private final Violations v;
  private final Map<?, ?> map;
  private final Set<String> read = new LinkedHashSet<>();

  private Fields(Violations v, Map<?, ?> map) {
    this.v = v;
    this.map = map;
  }

  /** Reads {@code node} as a mapping whose violations go under {@code v}'s path. */
  static Fields of(Violations v, Object node) {
    if (node instanceof Map<?, ?> m) {
      return new Fields(v, m);
    }
    if (node != null) {
      v.add("", "must be a mapping, not " + describe(node));
    }
    return new Fields(v, Map.of());
  }

  /** The violations of this mapping (paths relative to it). */
  Violations violations() {
    return v;
  }

  /** True when the key is present with a non-null value. */
  boolean has(String key) {
    return map.get(key) != null;
  }

  /** The raw value (marks the key read), or null. */
  Object raw(String key) {
    read.add(key);
    return map.get(key);
  }

  /** A string, or null when absent or of the wrong type (recorded). */
  String string(String key) {
    Object o = raw(key);
    if (o == null || o instanceof String) {
      return (String) o;
    }
    v.add(key, "must be a string, not " + describe(o));
    return null;
  }

  /**
   * A scalar as text: strings, integers and booleans as written, decimals in plain notation (for
   * quantities and cn.conf values written without quotes); null when absent or not a scalar.
   */
  String text(String key) {
    Object o = raw(key);
    return o == null ? null : scalarText(v, key, o);
  }

  /** An integer (within int range), or null when absent or of the wrong type (recorded). */
  Integer integer(String key) {
    Object o = raw(key);
    if (o == null) {
      return null;
    }
    if ((o instanceof Integer) || (o instanceof Long l && l == l.intValue())) {
      return ((Number) o).intValue();
    }
    if (o instanceof Long || o instanceof java.math.BigInteger) {
      v.add(key, o + " is out of range (at most 2147483647)");
    } else {
      v.add(key, "must be an integer, not " + describe(o));
    }
    return null;
  }

  /** A boolean, or null when absent or of the wrong type (recorded). */
  Boolean bool(String key) {
    Object o = raw(key);
    if (o == null || o instanceof Boolean) {
      return (Boolean) o;
    }
    v.add(key, "must be true or false, not " + describe(o));
    return null;
  }

  /** A nested mapping, or null when absent or not a mapping (recorded). */
  Fields objectOrNull(String key) {
    Object o = raw(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof Map<?, ?> m)) {
      v.add(key, "must be a mapping, not " + describe(o));
      return null;
    }
    return new Fields(v.child(key), m);
  }

  /** A nested mapping (empty when absent). */
  Fields object(String key) {
    return Fields.of(v.child(key), raw(key));
  }

  /** Receives one element of a sequence: its index, its violations (with path) and its value. */
  @FunctionalInterface
  interface Element {
    void accept(int index, Violations v, Object value);
  }

  /** A sequence, each element with its path; empty when absent or of the wrong type. */
  void list(String key, BiConsumer<Violations, Object> element) {
    indexed(key, (i, ev, o) -> element.accept(ev, o));
  }

  /** A sequence, each element with its index and path; empty when absent or of the wrong type. */
  void indexed(String key, Element element) {
    Object o = raw(key);
    if (o == null) {
      return;
    }
    if (!(o instanceof List<?> list)) {
      v.add(key, "must be a list, not " + describe(o));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      element.accept(i, v.child(key + "[" + i + "]"), list.get(i));
    }
  }

  /** A mapping of scalars read as text (see {@link #text(String)}), in document order. */
  Map<String, String> textMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    Object o = raw(key);
    if (o == null) {
      return result;
    }
    if (!(o instanceof Map<?, ?> m)) {
      v.add(key, "must be a mapping, not " + describe(o));
      return result;
    }
    Violations mv = v.child(key);
    m.forEach(
        (k, value) -> {
          String text = value == null ? null : scalarText(mv, String.valueOf(k), value);
          if (value == null) {
            mv.add(String.valueOf(k), "must have a value");
          } else if (text != null) {
            result.put(String.valueOf(k), text);
          }
        });
    return result;
  }

  /** The keys not read so far, sorted; they count as read afterwards. */
  java.util.List<String> unreadKeys() {
    List<String> keys =
        map.keySet().stream().map(String::valueOf).filter(k -> !read.contains(k)).sorted().toList();
    read.addAll(keys);
    return keys;
  }

  /** Records every key that was not read as an unknown field. */
  void done() {
    map.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !read.contains(k))
        .sorted()
        .forEach(k -> v.add(k, "unknown field"));
  }

  private static String scalarText(Violations v, String key, Object o) {
    if (o instanceof String || o instanceof Integer || o instanceof Long || o instanceof Boolean) {
      return String.valueOf(o);
    }
    if (o instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d).toPlainString();
    }
    v.add(key, "must be a scalar (string or number), not " + describe(o));
    return null;
  }

  /** A short description of a value's type for messages. */
  static String describe(Object o) {
    if (o instanceof Map) {
      return "a mapping";
    }
    if (o instanceof List) {
      return "a list";
    }
    if (o instanceof String) {
      return "a string";
    }
    if (o instanceof Boolean) {
      return "a boolean";
    }
    if (o instanceof Number) {
      return "the number " + o;
    }
    return o == null ? "null" : o.getClass().getSimpleName();
  }
}
