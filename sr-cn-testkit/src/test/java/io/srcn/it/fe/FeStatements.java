package io.srcn.it.fe;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import java.util.List;
import java.util.Locale;

/** Counts statements in a fake FE's log. */
final class FeStatements {
  private FeStatements() {}

  static long count(FakeFrontend fe, String prefix) {
    String p = prefix.toUpperCase(Locale.ROOT);
    return fe.statements().stream()
        .map(StatementRecord::sql)
        .filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(p))
        .count();
  }

  static List<String> sql(FakeFrontend fe) {
    return fe.statements().stream().map(StatementRecord::sql).toList();
  }
}
