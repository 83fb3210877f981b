package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.ParsedStatement;
import io.srcn.testkit.fe.internal.sql.Parser;
import io.srcn.testkit.fe.internal.sql.SqlSyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed statements by SQL text: drivers send the same few strings over and over (session set-up,
 * {@code SELECT 1}, {@code SHOW COMPUTE NODES}), and parsed statements are immutable. Bounded:
 * emptied when full. Syntax errors are not cached.
 *
 * <p>Thread-safe.
 */
final class StatementCache {
  private static final int CAPACITY = 1024;
  private static final int MAX_SQL_LENGTH = 4096;

  private final Parser.Dialect dialect;
  private final Map<String, List<ParsedStatement>> cache = new ConcurrentHashMap<>();

  StatementCache(Parser.Dialect dialect) {
    this.dialect = dialect;
  }

  /** The statements of {@code sql} (one or more), see {@link Parser#parseAll}. */
  List<ParsedStatement> parse(String sql) throws SqlSyntaxException {
    List<ParsedStatement> s = cache.get(sql);
    if (s != null) {
      return s;
    }
    s = Parser.parseAll(sql, dialect);
    if (sql.length() <= MAX_SQL_LENGTH) {
      if (cache.size() >= CAPACITY) {
        cache.clear();
      }
      cache.put(sql, s);
    }
    return s;
  }
}
