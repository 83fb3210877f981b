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

  /** Skips to the end of the current statement: the next top-level {@code ;} or the end. */
  void skipToEnd() {
    while (peek().kind() != Kind.EOF && !peek().isSymbol(";")) {
      index++;
    }
  }

  /** Ends one statement of several: accepts {@code ;} or the end of the text. */
  void expectStatementEnd() throws SqlSyntaxException {
    if (accept(";")) {
      return;
    }
    Token t = peek();
    if (t.kind() != Kind.EOF) {
      throw unexpected(t, "<EOF>, ';'");
    }
  }

  /** The index of the next token (for {@link #unmodelled}). */
  int position() {
    return index;
  }

  /** An "unmodelled" error naming the statement that starts at token {@code from}. */
  UnmodelledStatementException unmodelled(int from) {
    StringBuilder words = new StringBuilder();
    for (int i = from, n = 0; i < tokens.size() && n < 3; i++, n++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.WORD) {
        break;
      }
      words.append(n == 0 ? "" : " ").append(t.text().toUpperCase(java.util.Locale.ROOT));
    }
    return UnmodelledStatementException.of(words.length() == 0 ? "?" : words + " ...");
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
