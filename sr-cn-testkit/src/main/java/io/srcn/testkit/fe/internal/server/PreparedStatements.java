package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.Placeholders;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-side prepared statements of one connection ({@code COM_STMT_PREPARE}), by id.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class PreparedStatements {
  /** A bound limit, so a client that never closes its statements cannot exhaust the heap. */
  static final int MAX_PER_CONNECTION = 16_382; // MySQL's default max_prepared_stmt_count

  /** One prepared statement. Not thread-safe. */
  static final class Prepared {
    final Placeholders placeholders;
    final List<String> columns;
    final int[] types; // the parameter types last bound (a client may send them only once)
    final Map<Integer, ByteArrayOutputStream> longData = new HashMap<>();

    Prepared(Placeholders placeholders, List<String> columns) {
      this.placeholders = placeholders;
      this.columns = columns;
      this.types = new int[placeholders.count()];
    }
  }

  private final Map<Long, Prepared> byId = new HashMap<>();
  private long lastId;

  /** Stores a statement; empty when the connection already holds the maximum. */
  Optional<Long> add(Prepared p) {
    if (byId.size() >= MAX_PER_CONNECTION) {
      return Optional.empty();
    }
    long id = ++lastId & 0xFFFFFFFFL;
    byId.put(id, p);
    return Optional.of(id);
  }

  Optional<Prepared> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  void remove(long id) {
    byId.remove(id);
  }

  /** The number of open statements. */
  int size() {
    return byId.size();
  }
}
