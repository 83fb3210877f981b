package io.srcn.testkit.fe.internal.sql;

/**
 * One lexical token of a statement.
 *
 * @param kind what the token is
 * @param text the token's value: a word as written, a string or quoted identifier without quotes
 *     and with escapes resolved, a variable name without {@code @}, a number or symbol as written
 * @param start offset of the first character in the statement
 * @param end offset after the last character in the statement
 */
public record Token(Kind kind, String text, int start, int end) {
  /** Token kinds. */
  public enum Kind {
    /** A keyword or bare identifier. */
    WORD,
    /** A back-quoted identifier. */
    QUOTED_IDENT,
    /** A single- or double-quoted string literal. */
    STRING,
    /** A numeric literal. */
    NUMBER,
    /** {@code @@name} or {@code @@scope.name}: text is the part after {@code @@}. */
    SYSTEM_VARIABLE,
    /** {@code @name}: text is the part after {@code @}. */
    USER_VARIABLE,
    /** Punctuation or operator, one or two characters. */
    SYMBOL,
    /** The end of the statement. */
    EOF
  }

  /** True when this is the word {@code keyword}, compared case-insensitively. */
  public boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** True when this is the symbol {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** The token as written in {@code sql}, as an error message quotes it. */
  public String source(String sql) {
    return kind == Kind.EOF ? "<EOF>" : sql.substring(start, end);
  }
}
