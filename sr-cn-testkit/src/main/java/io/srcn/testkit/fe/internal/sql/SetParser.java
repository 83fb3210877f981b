package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Statement.Expression;
import io.srcn.testkit.fe.internal.sql.Statement.UserAssignment;
import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code SET item (, item)*}: {@code @name = value} / {@code @name := value} assignments to
 * user variables are kept; every other item (system variables, {@code NAMES}, {@code PASSWORD},
 * ...) is skipped up to the next top-level comma.
 *
 * <p>Not thread-safe; one instance per statement.
 */
final class SetParser {
  private final TokenCursor c;

  SetParser(TokenCursor c) {
    this.c = c;
  }

  Statement set() throws SqlSyntaxException {
    int start = c.position();
    c.next();
    List<UserAssignment> users = new ArrayList<>();
    do {
      if (c.peek().kind() == Kind.USER_VARIABLE) {
        users.add(userAssignment(start));
      } else {
        skipItem();
      }
    } while (c.accept(","));
    return new Statement.SetVariables(List.copyOf(users));
  }

  private UserAssignment userAssignment(int start) throws SqlSyntaxException {
    String name = c.next().text().toLowerCase(Locale.ROOT);
    if (!c.accept("=") && !c.accept(":=")) {
      throw c.unexpected(c.peek(), "'=', ':='");
    }
    Expression value = new SelectParser(c, start).expression();
    Token after = c.peek();
    if (after.kind() != Kind.EOF && !after.isSymbol(",") && !after.isSymbol(";")) {
      throw c.unmodelled(start); // an expression beyond a literal or variable
    }
    return new UserAssignment(name, value);
  }

  private void skipItem() {
    int depth = 0;
    while (true) {
      Token t = c.peek();
      if (t.kind() == Kind.EOF || t.isSymbol(";") || (depth == 0 && t.isSymbol(","))) {
        return;
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth = Math.max(0, depth - 1);
      }
      c.next();
    }
  }
}
