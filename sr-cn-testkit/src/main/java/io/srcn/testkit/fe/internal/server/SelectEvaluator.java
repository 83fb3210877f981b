package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.Statement;
import io.srcn.testkit.fe.internal.sql.Statement.Expression;
import io.srcn.testkit.fe.internal.sql.Statement.SelectItem;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a {@code SELECT} over literals, system variables and niladic functions into one row
 * labelled by alias (or by the expression as written), as MySQL clients expect.
 *
 * <p>Thread-safe (stateless apart from the shared context).
 */
final class SelectEvaluator {
  private final FeContext fe;

  SelectEvaluator(FeContext fe) {
    this.fe = fe;
  }

  ResultTable evaluate(Session session, Statement.Select select) throws FeError {
    List<String> labels = new ArrayList<>(select.items().size());
    List<String> values = new ArrayList<>(select.items().size());
    for (SelectItem item : select.items()) {
      labels.add(item.label());
      values.add(value(session, item.expression()));
    }
    List<List<String>> rows = select.limit() == 0 ? List.of() : List.of(values);
    return new ResultTable(labels, rows);
  }

  /**
   * {@code SET @v = value, ...}: evaluates every value first, then assigns, as MySQL does for one
   * statement.
   */
  void assign(Session session, List<Statement.UserAssignment> assignments) throws FeError {
    if (assignments.isEmpty()) {
      return;
    }
    List<String> values = new ArrayList<>(assignments.size());
    for (Statement.UserAssignment a : assignments) {
      values.add(value(session, a.value()));
    }
    for (int i = 0; i < assignments.size(); i++) {
      String name = assignments.get(i).name();
      if (values.get(i) == null) {
        session.userVariables.remove(name);
      } else {
        session.userVariables.put(name, values.get(i));
      }
    }
  }

  private String value(Session session, Expression e) throws FeError {
    if (e instanceof Statement.Literal l) {
      return l.value();
    } else if (e instanceof Statement.SystemVariable v) {
      return fe.variables()
          .get(v.name())
          .orElseThrow(
              () -> new FeError(1193, "HY000", "Unknown system variable '" + v.name() + "'"));
    } else if (e instanceof Statement.UserVariable u) {
      return session.userVariables.get(
          u.name().toLowerCase(java.util.Locale.ROOT)); // NULL if unset
    }
    return function(session, ((Statement.Function) e).name());
  }

  private String function(Session session, String name) throws FeError {
    switch (name) {
      case "database":
      case "schema":
        return session.database;
      case "version":
        return fe.profile().version().serverVersion();
      case "current_version":
        return fe.profile().version().buildVersion();
      case "user":
      case "session_user":
      case "system_user":
        return "'" + session.user.name() + "'@'" + session.remoteHost + "'";
      case "current_user":
        return "'" + session.user.name() + "'@'%'";
      case "connection_id":
        return Long.toString(session.connectionId);
      case "last_insert_id":
      case "found_rows":
      case "row_count":
        return "0";
      default:
        throw FeError.of(
            "Getting analyzing error. Detail message: No matching function with signature: "
                + name
                + "().");
    }
  }
}
