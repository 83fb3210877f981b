package io.srcn.sdk.internal.status;

import io.srcn.sdk.internal.Violations;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed, path-aware reads from one parsed JSON object. A missing or mistyped field is recorded in
 * the shared {@link Violations} with its path (e.g. {@code status.nodes[1].ordinal}) and a neutral
 * value is returned, so one pass reports every problem.
 *
 * <p>Not thread-safe; one per read.
 */
final class JsonFields {
  private final Map<?, ?> map;
  private final Violations violations;

  JsonFields(Map<?, ?> map, Violations violations) {
    this.map = map;
    this.violations = violations;
  }

  /** Wraps a parsed root value, recording a violation when it is not an object. */
  static JsonFields root(Object parsed, Violations violations) {
    if (parsed instanceof Map<?, ?> m) {
      return new JsonFields(m, violations);
    }
    violations.add("", "expected a JSON object, got " + describe(parsed));
    return new JsonFields(Map.of(), violations);
  }

  String string(String key) {
    return optString(key).orElseGet(() -> missing(key, ""));
  }

  Optional<String> optString(String key) {
    return typed(key, String.class, "a string");
  }

  int integer(String key) {
    OptionalInt value = optInteger(key);
    return value.isPresent() ? value.getAsInt() : missing(key, 0);
  }

  OptionalInt optInteger(String key) {
    Optional<Long> value = optLong(key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long l = value.get();
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      violations.add(key, "expected a 32-bit integer, got " + l);
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) l);
  }

  long longValue(String key) {
    return optLong(key).orElseGet(() -> missing(key, 0L));
  }

  boolean bool(String key) {
    return optBool(key).orElseGet(() -> missing(key, false));
  }

  Optional<Boolean> optBool(String key) {
    return typed(key, Boolean.class, "true or false");
  }

  Instant instant(String key) {
    return optInstant(key).orElseGet(() -> missing(key, Instant.EPOCH));
  }

  Optional<Instant> optInstant(String key) {
    Optional<String> text = optString(key);
    try {
      return text.map(Instant::parse);
    } catch (DateTimeParseException e) {
      violations.add(key, "expected an ISO-8601 instant, got " + Violations.quote(text.get()));
      return Optional.empty();
    }
  }

  /** The nested object, when present and an object. */
  Optional<JsonFields> optObject(String key) {
    return typed(key, Map.class, "an object")
        .map(m -> new JsonFields((Map<?, ?>) m, violations.child(key)));
  }

  /** The elements of an array of objects; absent means empty. */
  List<JsonFields> objects(String key) {
    List<JsonFields> out = new ArrayList<>();
    Optional<List<?>> list = typed(key, List.class, "an array").map(l -> (List<?>) l);
    if (list.isEmpty()) {
      return out;
    }
    for (int i = 0; i < list.get().size(); i++) {
      Object element = list.get().get(i);
      String path = key + "[" + i + "]";
      if (element instanceof Map<?, ?> m) {
        out.add(new JsonFields(m, violations.child(path)));
      } else {
        violations.add(path, "expected an object, got " + describe(element));
      }
    }
    return out;
  }

  /** The strings of an array; absent means empty. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    Optional<List<?>> list = typed(key, List.class, "an array").map(l -> (List<?>) l);
    if (list.isPresent()) {
      for (int i = 0; i < list.get().size(); i++) {
        Object element = list.get().get(i);
        if (element instanceof String s) {
          out.add(s);
        } else {
          violations.add(key + "[" + i + "]", "expected a string, got " + describe(element));
        }
      }
    }
    return out;
  }

  /** The violations this object records to. */
  Violations violations() {
    return violations;
  }

  private Optional<Long> optLong(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return Optional.of(b.longValue());
    }
    violations.add(key, "expected an integer, got " + describe(value));
    return Optional.empty();
  }

  private <T> Optional<T> typed(String key, Class<T> type, String expected) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    violations.add(key, "expected " + expected + ", got " + describe(value));
    return Optional.empty();
  }

  private <T> T missing(String key, T neutral) {
    if (!map.containsKey(key) || map.get(key) == null) {
      violations.add(key, "is required");
    }
    return neutral;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "the string " + Violations.quote(s);
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return String.valueOf(value);
  }
}
