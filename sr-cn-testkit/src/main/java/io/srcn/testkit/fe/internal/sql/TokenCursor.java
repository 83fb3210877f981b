package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.List;

/**
 * A position in a statement's tokens with the small matching helpers the parsers share; every
 * mismatch becomes a {@link SqlSyntaxException} in the FE's format.
 *
 * <p>Not thread-safe; one instance per statement.
 */
final class TokenCursor {
  private final String sql;
  private final List<Token> tokens;
  private int index;

  TokenCursor(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** The statement text. */
  String sql() {
    return sql;
  }

  String string() throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.STRING) {
      throw unexpected(t, "a legal string");
    }
    return t.text();
  }

  String identifier(String expected) throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT) {
      throw unexpected(t, expected);
    }
    return t.text();
  }

  String identifierOrString() throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT && t.kind() != Kind.STRING) {
      throw unexpected(t, "a legal identifier");
    }
    return t.text();
  }

  void keyword(String keyword, String expected) throws SqlSyntaxException {
    Token t = next();
    if (!t.isWord(keyword)) {
      throw unexpected(t, expected);
    }
  }

  boolean acceptWord(String keyword) {
    if (peek().isWord(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  void expect(String symbol) throws SqlSyntaxException {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw unexpected(t, "'" + symbol + "'");
    }
  }

  void expectEnd() throws SqlSyntaxException {
    accept(";");
    Token t = peek();
    if (t.kind() != Kind.EOF) {
      throw unexpected(t, "<EOF>, ';'");
    }
  }

  void skipToEnd() {
    index = tokens.size() - 1;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peekPrevious() {
    return tokens.get(index - 1);
  }

  Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  SqlSyntaxException unexpected(Token t, String expected) {
    return SqlSyntaxException.unexpected(sql, t, expected);
  }
}
