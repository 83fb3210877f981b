package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;

/** What a statement produced: an OK packet, a result set or an error. */
sealed interface Reply {
  /** OK. */
  record Ok() implements Reply {}

  /**
   * A text result set.
   *
   * @param table the columns and rows
   */
  record Rows(ResultTable table) implements Reply {}

  /**
   * An ERR packet.
   *
   * @param error code, SQLSTATE and message
   */
  record Error(FeError error) implements Reply {}

  /** The shared OK reply. */
  Reply OK = new Ok();
}
