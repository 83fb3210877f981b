package io.srcn.sdk.internal.fe;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One logged-in connection to one FE. The seam between the retry logic and JDBC: {@link
 * JdbcSession} is the real one, tests use fakes.
 *
 * <p>Not thread-safe: the client serializes all use.
 */
public interface FeSession extends AutoCloseable {
  /** Runs a statement that returns no rows. */
  void execute(String sql) throws SQLException;

  /** Runs a query; each row maps column label to value, NULL cells left out. */
  List<Map<String, String>> query(String sql) throws SQLException;

  /** Checks the connection with a ping; false when it is broken. */
  boolean isValid();

  /** Closes quietly. */
  @Override
  void close();
}
