package io.srcn.testkit.fe.internal.state;

import java.util.List;

/**
 * A text result set: column labels and rows of string values (null = SQL NULL).
 *
 * @param columns the column labels, in order
 * @param rows the rows; each has one value per column
 */
public record ResultTable(List<String> columns, List<List<String>> rows) {
  /** A one-row table. */
  public static ResultTable single(List<String> columns, List<String> row) {
    return new ResultTable(columns, List.of(row));
  }
}
