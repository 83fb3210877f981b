package io.srcn.testkit.standalone;

import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.StatementRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin surface's JSON: a small writer for flat objects and arrays. Thread-safe (stateless).
 */
final class Json {
  private Json() {}

  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String time(Optional<Instant> t) {
    return t.map(i -> string(i.toString())).orElse("null");
  }

  static String node(FakeComputeNode n) {
    return "{\"id\":"
        + n.id()
        + ",\"host\":"
        + string(n.host())
        + ",\"heartbeatPort\":"
        + n.heartbeatPort()
        + ",\"alive\":"
        + n.alive()
        + ",\"statusCode\":"
        + string(n.statusCode())
        + ",\"errMsg\":"
        + string(n.errMsg())
        + ",\"warehouse\":"
        + string(n.warehouse())
        + ",\"cnGroup\":"
        + string(n.cnGroup())
        + ",\"version\":"
        + string(n.version())
        + ",\"addedAt\":"
        + string(n.addedAt().toString())
        + ",\"lastStartTime\":"
        + time(n.lastStartTime())
        + ",\"lastHeartbeat\":"
        + time(n.lastHeartbeat())
        + "}";
  }

  static String statement(StatementRecord r) {
    return "{\"connectionId\":"
        + r.connectionId()
        + ",\"user\":"
        + string(r.user())
        + ",\"sql\":"
        + string(r.sql())
        + ",\"outcome\":"
        + string(r.outcome().name())
        + ",\"errorCode\":"
        + r.errorCode()
        + ",\"sqlState\":"
        + string(r.sqlState())
        + ",\"message\":"
        + string(r.message())
        + ",\"rows\":"
        + r.rows()
        + ",\"time\":"
        + string(r.time() == null ? null : r.time().toString())
        + "}";
  }

  static <T> String array(List<T> items, java.util.function.Function<T, String> each) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ",").append(each.apply(items.get(i)));
    }
    return b.append(']').toString();
  }
}
