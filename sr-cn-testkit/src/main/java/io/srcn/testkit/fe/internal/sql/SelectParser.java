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
  private final TokenCursor c;

  SelectParser(TokenCursor c) {
    this.c = c;
  }

  // SELECT item (, item)* [FROM DUAL] [LIMIT n]
  Statement select() throws SqlSyntaxException {
    c.next();
    List<SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (c.accept(","));
    if (c.acceptWord("FROM")) {
      c.keyword("DUAL", "'DUAL'");
    }
    long limit = -1;
    if (c.acceptWord("LIMIT")) {
      Token n = c.next();
      if (n.kind() != Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
        throw c.unexpected(n, "a legal integer");
      }
      limit = Long.parseLong(n.text());
    }
    return new Statement.Select(List.copyOf(items), limit);
  }

  private SelectItem selectItem() throws SqlSyntaxException {
    int start = c.peek().start();
    Expression e = expression();
    int end = c.peekPrevious().end();
    String label = c.sql().substring(start, end);
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

  private Expression expression() throws SqlSyntaxException {
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
        if (t.isSymbol("-") && c.peek().kind() == Kind.NUMBER) {
          return new Statement.Literal("-" + c.next().text());
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
      c.expect(")");
      return new Statement.Function(t.text().toLowerCase(Locale.ROOT));
    }
    throw c.unexpected(t, "a legal expression");
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
