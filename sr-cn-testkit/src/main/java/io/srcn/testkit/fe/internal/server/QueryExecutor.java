package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.ParsedStatement;
import io.srcn.testkit.fe.internal.sql.Parser;
import io.srcn.testkit.fe.internal.sql.SqlSyntaxException;
import io.srcn.testkit.fe.internal.sql.Statement;
import io.srcn.testkit.fe.internal.sql.UnmodelledStatementException;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;
import java.util.List;

/**
 * Runs one parsed statement of a session against the FE state and turns it into a {@link Reply}.
 *
 * <p>Thread-safe (stateless apart from the shared, thread-safe context).
 */
final class QueryExecutor {
  private final FeContext fe;
  private final SelectEvaluator selects;
  private final InfoTables info;
  private final StatementCache parsed;

  QueryExecutor(FeContext fe) {
    this.fe = fe;
    this.selects = new SelectEvaluator(fe);
    this.info = new InfoTables(fe);
    this.parsed = new StatementCache(fe.profile().dialect());
  }

  /** Parses and runs {@code sql} (one statement); every failure becomes an error reply. */
  Reply execute(Session session, String sql) {
    try {
      return run(session, parsed.parse(sql).get(0).statement());
    } catch (SqlSyntaxException e) {
      return new Reply.Error(syntaxError(e));
    }
  }

  /**
   * Parses a query text of one or more statements.
   *
   * @throws FeError the syntax error (1064) or the "not modelled" error ({@link
   *     UnmodelledStatementException#CODE}) of the first statement that fails to parse
   */
  List<ParsedStatement> parse(String sql) throws FeError {
    try {
      return parsed.parse(sql);
    } catch (SqlSyntaxException e) {
      throw syntaxError(e);
    }
  }

  /** Parses the text of COM_STMT_PREPARE ({@code ?} markers allowed as values); not cached. */
  List<ParsedStatement> parsePrepared(String sql) throws FeError {
    try {
      return Parser.parsePrepared(sql, fe.profile().dialect());
    } catch (SqlSyntaxException e) {
      throw syntaxError(e);
    }
  }

  private static FeError syntaxError(SqlSyntaxException e) {
    if (e instanceof UnmodelledStatementException) {
      return new FeError(
          UnmodelledStatementException.CODE,
          UnmodelledStatementException.SQL_STATE,
          e.getMessage());
    }
    return FeError.of(e.getMessage());
  }

  /** Runs one parsed statement; every failure becomes an error reply. */
  Reply run(Session session, Statement statement) {
    try {
      return runOrThrow(session, statement);
    } catch (FeError e) {
      return new Reply.Error(e);
    }
  }

  /** The column labels a SELECT answers with (evaluated with the session's state). */
  List<String> columns(Session session, Statement.Select select) throws FeError {
    return selects.evaluate(session, select).columns();
  }

  private Reply runOrThrow(Session session, Statement statement) throws FeError {
    if (statement instanceof Statement.Select s) {
      return rows(selects.evaluate(session, s));
    } else if (statement instanceof Statement.SetVariables v) {
      selects.assign(session, v.userVariables());
      return Reply.OK;
    } else if (statement instanceof Statement.Transaction) {
      return Reply.OK;
    } else if (statement instanceof Statement.AlterComputeNodes a) {
      return alterComputeNodes(session, a);
    } else if (statement instanceof Statement.ShowComputeNodes) {
      return rows(fe.tables().computeNodes(fe.cluster().snapshot()));
    } else if (statement instanceof Statement.ShowProc p) {
      return rows(info.proc(p.path()));
    } else if (statement instanceof Statement.Use u) {
      session.database = info.checkDatabase(u.database());
      return Reply.OK;
    } else if (statement instanceof Statement.Empty) {
      throw new FeError(1065, "42000", "Query was empty");
    }
    return other(session, statement);
  }

  private Reply other(Session session, Statement statement) throws FeError {
    if (statement instanceof Statement.ShowFrontends) {
      return rows(info.frontends());
    } else if (statement instanceof Statement.ShowBackends) {
      return rows(info.backends());
    } else if (statement instanceof Statement.ShowDatabases) {
      return rows(info.databases());
    } else if (statement instanceof Statement.ShowTables) {
      return rows(info.tables(session.database));
    } else if (statement instanceof Statement.ShowWarehouses) {
      return rows(info.warehouses());
    } else if (statement instanceof Statement.ShowVariables v) {
      return rows(info.variables(v.like()));
    } else if (statement instanceof Statement.CreateWarehouse c) {
      fe.cluster().createWarehouse(c.name(), c.ifNotExists());
      return Reply.OK;
    } else if (statement instanceof Statement.Kill k) {
      return kill(k);
    } else if (statement instanceof Statement.DropWarehouse d) {
      fe.cluster().dropWarehouse(d.name(), d.ifExists());
      return Reply.OK;
    } else if (statement instanceof Statement.ShowProcesslist p) {
      return rows(Processlist.table(fe, p.full()));
    } else if (statement instanceof Statement.ShowWarnings) {
      return rows(Processlist.WARNINGS); // the fake raises no warnings
    }
    throw FeError.of("Unsupported statement: " + statement.getClass().getSimpleName());
  }

  private Reply alterComputeNodes(Session session, Statement.AlterComputeNodes a) throws FeError {
    if (!session.user.nodePrivilege()) {
      throw fe.profile().nodePrivilegeDenied();
    }
    if (a.add()) {
      fe.cluster().addComputeNodes(a.addresses(), a.warehouse(), a.cnGroup());
    } else {
      fe.cluster().dropComputeNodes(a.addresses(), a.warehouse(), a.cnGroup());
    }
    return Reply.OK;
  }

  private Reply kill(Statement.Kill k) throws FeError {
    Session target =
        fe.session(k.connectionId())
            .orElseThrow(
                () -> new FeError(1094, "HY000", "Unknown thread id: " + k.connectionId()));
    if (k.queryOnly()) {
      target.killQuery();
    } else {
      target.killConnection();
    }
    return Reply.OK;
  }

  private static Reply rows(ResultTable table) {
    return new Reply.Rows(table);
  }
}
