package io.srcn.sdk.internal.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixed-width text table in the style of {@code kubectl get}: upper-case headers, columns padded
 * to their widest cell plus three spaces, long cells cut (the last column gets more room), no
 * trailing spaces, {@code -} for an empty cell, and control characters made harmless so a hostile
 * FE message cannot break the layout.
 *
 * <p>Not thread-safe; build one per rendering.
 */
final class TextTable {
  private static final String GAP = "   ";
  private static final int MAX_CELL = 160;
  private static final int MAX_LAST_CELL = 2000;
  private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Cntrl}\\p{Cf}]+");

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... headers) {
    this.columns = headers.length;
    String[] clean = new String[columns];
    for (int i = 0; i < columns; i++) {
      clean[i] = cell(headers[i], MAX_CELL);
    }
    rows.add(clean);
  }

  /** Adds a row; it must have one cell per header. */
  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("a row needs " + columns + " cells, got " + cells.length);
    }
    String[] clean = new String[columns];
    for (int i = 0; i < columns; i++) {
      clean[i] = cell(cells[i], i == columns - 1 ? MAX_LAST_CELL : MAX_CELL);
    }
    rows.add(clean);
    return this;
  }

  /** True when only the header row exists. */
  boolean isEmpty() {
    return rows.size() == 1;
  }

  /** Appends the table, each line ending with a newline. */
  void appendTo(StringBuilder out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length())).append(GAP);
        }
      }
      out.append(stripTrailing(line)).append('\n');
    }
  }

  /**
   * A single-line, bounded rendering of free text: runs of whitespace, control and format
   * characters become one space; text longer than {@code limit} is cut and ends with {@code ...}.
   */
  static String cell(String text, int limit) {
    if (text == null) {
      return "-";
    }
    String single = BLANKS.matcher(text).replaceAll(" ").strip();
    if (single.isEmpty()) {
      return "-";
    }
    return single.length() > limit ? single.substring(0, limit).stripTrailing() + "..." : single;
  }

  private static String stripTrailing(CharSequence s) {
    return s.toString().stripTrailing();
  }
}
