package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Statement.Expression;
import io.srcn.testkit.fe.internal.sql.Statement.SelectItem;
import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code SELECT} over literals, {@code @@} variables and niladic functions, with aliases,
 * {@code FROM DUAL} and {@code LIMIT}: what drivers and CLIs send around login.
 *
 * <p>Not thread-safe; one instance per statement.
 */
final class SelectParser {
  // clauses after the select list that the fake does not model
  private static final java.util.Set<String> CLAUSES =
      java.util.Set.of(
          "WHERE",
          "GROUP",
          "ORDER",
          "HAVING",
          "UNION",
          "EXCEPT",
          "INTERSECT",
          "INTO",
          "FOR",
          "WINDOW",
          "OFFSET",
          "QUALIFY");
  // operators that continue an expression beyond one literal, variable or function
  private static final java.util.Set<String> OPERATORS =
      java.util.Set.of(
          "+", "-", "*", "/", "%", "=", "<", ">", "<=", ">=", "!=", "<>", "|", "&", "^", "||", "&&",
          "(", ".", "[", ":");

  private final TokenCursor c;
  private final boolean parameters;
  private int start;

  /** For expressions inside another statement that starts at token {@code statementStart}. */
  SelectParser(TokenCursor c, int statementStart) {
    this(c, statementStart, false);
  }

  /**
   * @param parameters whether {@code ?} markers are values (a statement being prepared)
   */
  SelectParser(TokenCursor c, int statementStart, boolean parameters) {
    this.c = c;
    this.start = statementStart;
    this.parameters = parameters;
  }

  // SELECT item (, item)* [FROM DUAL] [LIMIT n]
  Statement select() throws SqlSyntaxException {
    start = c.position();
    c.next();
    if (c.peek().isWord("DISTINCT") || c.peek().isWord("ALL")) {
      throw c.unmodelled(start);
    }
    List<SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (c.accept(","));
    if (c.acceptWord("FROM")) {
      if (!c.peek().isWord("DUAL")) {
        throw c.unmodelled(start); // SELECT ... FROM a table
      }
      c.next();
    }
    unmodelledClause();
    long limit = -1;
    if (c.acceptWord("LIMIT")) {
      Token n = c.next();
      if (n.kind() != Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
        throw c.unexpected(n, "a legal integer");
      }
      limit = Long.parseLong(n.text());
      if (c.peek().isSymbol(",") || c.peek().isWord("OFFSET")) {
        throw c.unmodelled(start);
      }
    }
    unmodelledClause();
    return new Statement.Select(List.copyOf(items), limit);
  }

  private void unmodelledClause() throws SqlSyntaxException {
    Token t = c.peek();
    if (t.kind() == Kind.WORD && CLAUSES.contains(t.text().toUpperCase(Locale.ROOT))) {
      throw c.unmodelled(start);
    }
  }

  private SelectItem selectItem() throws SqlSyntaxException {
    int from = c.peek().start();
    Expression e = expression();
    int end = c.peekPrevious().end();
    String label = c.sql().substring(from, end);
    Token next = c.peek();
    if (next.kind() == Kind.SYMBOL && OPERATORS.contains(next.text())
        || next.isWord("AND")
        || next.isWord("OR")
        || next.isWord("IS")
        || next.isWord("IN")
        || next.isWord("LIKE")
        || next.isWord("BETWEEN")
        || next.isWord("DIV")
        || next.isWord("MOD")) {
      throw c.unmodelled(start); // an expression beyond one literal, variable or function
    }
    if (e instanceof Statement.Literal lit
        && lit.value() != null
        && c.peekPrevious().kind() == Kind.STRING) {
      label = lit.value();
    }
    if (c.acceptWord("AS")) {
      label = aliasName();
    } else if (isAliasStart(c.peek())) {
      label = aliasName();
    }
    return new SelectItem(e, label);
  }

  /** One literal, {@code @@variable}, {@code @variable} or niladic function call. */
  Expression expression() throws SqlSyntaxException {
    Token t = c.next();
    switch (t.kind()) {
      case SYSTEM_VARIABLE:
        return systemVariable(t);
      case USER_VARIABLE:
        return new Statement.UserVariable(t.text());
      case NUMBER:
      case STRING:
        return new Statement.Literal(t.text());
      case SYMBOL:
        if (parameters && t.isSymbol("?")) {
          return new Statement.Literal(null); // bound at COM_STMT_EXECUTE
        }
        if (t.isSymbol("-") && c.peek().kind() == Kind.NUMBER) {
          return new Statement.Literal("-" + c.next().text());
        }
        if (t.isSymbol("*")
            || t.isSymbol("(")
            || t.isSymbol("-")
            || t.isSymbol("+")
            || t.isSymbol("!")
            || t.isSymbol("~")) {
          throw unmodelledExpression(); // *, a subquery, an operator
        }
        throw c.unexpected(t, "a legal expression");
      case WORD:
        return wordExpression(t);
      default:
        throw c.unexpected(t, "a legal expression");
    }
  }

  private Expression wordExpression(Token t) throws SqlSyntaxException {
    if (t.isWord("NULL")) {
      return new Statement.Literal(null);
    }
    if (t.isWord("TRUE") || t.isWord("FALSE")) {
      return new Statement.Literal(t.isWord("TRUE") ? "1" : "0");
    }
    if (c.accept("(")) {
      if (!c.peek().isSymbol(")")) {
        throw unmodelledExpression(); // a function with arguments
      }
      c.expect(")");
      return new Statement.Function(t.text().toLowerCase(Locale.ROOT));
    }
    if (CLAUSES.contains(t.text().toUpperCase(Locale.ROOT)) || t.isWord("FROM")) {
      throw c.unexpected(t, "a legal expression");
    }
    throw unmodelledExpression(); // a column, CASE, CAST, INTERVAL, ...
  }

  // in a SELECT statement: name the statement; in a SET value: the caller's statement start
  private UnmodelledStatementException unmodelledExpression() {
    return c.unmodelled(start);
  }

  private static Expression systemVariable(Token t) {
    String text = t.text().toLowerCase(Locale.ROOT);
    int dot = text.indexOf('.');
    if (dot >= 0) {
      return new Statement.SystemVariable(text.substring(0, dot), text.substring(dot + 1));
    }
    return new Statement.SystemVariable("", text);
  }

  private boolean isAliasStart(Token t) {
    if (t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.STRING) {
      return true;
    }
    return t.kind() == Kind.WORD && !t.isWord("FROM") && !t.isWord("LIMIT");
  }

  private String aliasName() throws SqlSyntaxException {
    Token t = c.next();
    if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.STRING) {
      return t.text();
    }
    throw c.unexpected(t, "a legal identifier");
  }
}
