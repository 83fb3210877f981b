package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.Locale;

/**
 * Parses the {@code SHOW} statements the fake FE answers: compute nodes, proc paths, frontends,
 * backends, databases, tables, warehouses, variables, processlist and warnings. Any other {@code
 * SHOW <word>} is valid SQL the fake does not model ({@link UnmodelledStatementException}).
 *
 * <p>Not thread-safe; one instance per statement.
 */
final class ShowParser {
  private final TokenCursor c;
  private final boolean warehouses;

  ShowParser(TokenCursor c, boolean warehouses) {
    this.c = c;
    this.warehouses = warehouses;
  }

  Statement show() throws SqlSyntaxException {
    int start = c.position();
    c.next();
    Token what = c.peek();
    String keyword = what.kind() == Kind.WORD ? what.text().toUpperCase(Locale.ROOT) : "";
    switch (keyword) {
      case "COMPUTE":
        c.next();
        c.keyword("NODES", "'NODES'");
        return new Statement.ShowComputeNodes();
      case "PROC":
        c.next();
        return new Statement.ShowProc(c.string());
      case "FRONTENDS":
        c.next();
        return new Statement.ShowFrontends();
      case "BACKENDS":
        c.next();
        return new Statement.ShowBackends();
      case "DATABASES":
        c.next();
        return new Statement.ShowDatabases();
      case "TABLES":
        c.next();
        return new Statement.ShowTables();
      case "WAREHOUSES":
        if (!warehouses) { // not in the grammar before 3.4 (see Parser.Dialect)
          throw c.unexpected(
              what,
              "'COMPUTE', 'PROC', 'FRONTENDS', 'BACKENDS', 'DATABASES', 'TABLES', 'VARIABLES'");
        }
        c.next();
        return new Statement.ShowWarehouses();
      case "GLOBAL":
      case "SESSION":
      case "VARIABLES":
        return showVariables();
      case "PROCESSLIST":
        c.next();
        return new Statement.ShowProcesslist(false);
      case "FULL":
        c.next();
        if (c.acceptWord("PROCESSLIST")) {
          return new Statement.ShowProcesslist(true);
        }
        throw c.unmodelled(start); // SHOW FULL TABLES, COLUMNS, ...
      case "WARNINGS":
      case "ERRORS":
        c.next();
        limitClause();
        return new Statement.ShowWarnings(keyword.equals("ERRORS"));
      default:
        if (what.kind() == Kind.WORD) {
          throw c.unmodelled(start); // SHOW CATALOGS, GRANTS, CREATE TABLE, ...
        }
        throw c.unexpected(
            what,
            "'COMPUTE', 'PROC', 'FRONTENDS', 'BACKENDS', 'DATABASES', 'TABLES', 'WAREHOUSES',"
                + " 'VARIABLES'");
    }
  }

  // [LIMIT n]: accepted and ignored (the lists it applies to are empty)
  private void limitClause() throws SqlSyntaxException {
    if (c.acceptWord("LIMIT")) {
      Token n = c.next();
      if (n.kind() != Kind.NUMBER) {
        throw c.unexpected(n, "a legal integer");
      }
    }
  }

  private Statement showVariables() throws SqlSyntaxException {
    if (!c.acceptWord("GLOBAL")) {
      c.acceptWord("SESSION");
    }
    c.keyword("VARIABLES", "'VARIABLES'");
    String like = null;
    if (c.acceptWord("LIKE")) {
      like = c.string();
    }
    return new Statement.ShowVariables(like);
  }
}
