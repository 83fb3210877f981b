package io.srcn.sdk.internal.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as canonical JSON: object keys
 * sorted by code point at every level, no whitespace, integers without exponent, strings escaped
 * the same way every time. Equal trees give identical text.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** The canonical JSON text of a tree. */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder(1024);
    value(out, tree);
    return out.toString();
  }

  private static void value(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map<?, ?> map) {
      object(out, map);
    } else if (v instanceof List<?> list) {
      array(out, list);
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof Number n) {
      number(out, n);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey());
      out.append(':');
      value(out, e.getValue());
    }
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      value(out, list.get(i));
    }
    out.append(']');
  }

  private static void number(StringBuilder out, Number n) {
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("JSON has no representation for " + n);
    }
    BigDecimal exact = n instanceof BigDecimal b ? b : BigDecimal.valueOf(d);
    out.append(exact.stripTrailingZeros().toPlainString());
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
