package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?} parameter markers of a statement prepared with {@code COM_STMT_PREPARE}, and the
 * statement text with values bound in their place (as SQL literals), which then runs like any
 * query. A {@code ?} inside a string, identifier or comment is not a marker.
 *
 * <p>Immutable and thread-safe.
 */
public final class Placeholders {
  private final String sql;
  private final int[] offsets;

  private Placeholders(String sql, int[] offsets) {
    this.sql = sql;
    this.offsets = offsets;
  }

  /**
   * Finds the markers of {@code sql}.
   *
   * @throws SqlSyntaxException on an unterminated string, identifier or comment
   */
  public static Placeholders of(String sql) throws SqlSyntaxException {
    List<Integer> found = new ArrayList<>();
    for (Token t : Tokenizer.tokenize(sql)) {
      if (t.kind() == Kind.SYMBOL && t.text().equals("?")) {
        found.add(t.start());
      }
    }
    return new Placeholders(sql, found.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The number of markers. */
  public int count() {
    return offsets.length;
  }

  /**
   * The statement with each marker replaced by a literal: null becomes {@code NULL}, a {@link
   * Number} is written as is, anything else as a quoted string.
   *
   * @throws IllegalArgumentException when the number of values differs from {@link #count()}
   */
  public String bind(List<?> values) {
    if (values.size() != offsets.length) {
      throw new IllegalArgumentException(
          "statement has " + offsets.length + " parameters, got " + values.size() + " values");
    }
    StringBuilder out = new StringBuilder(sql.length() + 16 * offsets.length);
    int from = 0;
    for (int i = 0; i < offsets.length; i++) {
      out.append(sql, from, offsets[i]);
      out.append(literal(values.get(i)));
      from = offsets[i] + 1;
    }
    return out.append(sql, from, sql.length()).toString();
  }

  private static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "NULL";
      }
      // a whole double (node's mysql2 sends every JS number as DOUBLE) prints without ".0"
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String s = value.toString();
    StringBuilder q = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\\') {
        q.append('\\');
      }
      q.append(c);
    }
    return q.append('\'').toString();
  }
}
