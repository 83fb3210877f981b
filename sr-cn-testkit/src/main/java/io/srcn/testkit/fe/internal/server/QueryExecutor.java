package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.SqlSyntaxException;
import io.srcn.testkit.fe.internal.sql.Statement;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;

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

  /** Parses and runs {@code sql}; every failure becomes an error reply. */
  Reply execute(Session session, String sql) {
    try {
      Statement statement = parsed.parse(sql);
      return run(session, statement);
    } catch (SqlSyntaxException e) {
      return new Reply.Error(FeError.of(e.getMessage()));
    } catch (FeError e) {
      return new Reply.Error(e);
    }
  }

  private Reply run(Session session, Statement statement) throws FeError {
    if (statement instanceof Statement.Select s) {
      return rows(selects.evaluate(session, s));
    } else if (statement instanceof Statement.SetVariables
        || statement instanceof Statement.Transaction) {
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
