package io.srcn.testkit.fe.internal.sql;

/**
 * A statement the fake FE's parser rejects. The message has StarRocks' form: {@code Getting syntax
 * error at line L, column C. Detail message: ...} (column 0-based, as the FE prints it).
 */
public class SqlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the full message. */
  public SqlSyntaxException(String message) {
    super(message);
  }

  /** The FE's message for an unexpected token at {@code offset} of {@code sql}. */
  static SqlSyntaxException unexpected(String sql, Token token, String expected) {
    int line = 1;
    int lineStart = 0;
    int offset = Math.min(token.start(), sql.length());
    for (int i = 0; i < offset; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String detail = "Unexpected input '" + token.source(sql) + "'";
    if (expected != null) {
      detail += ", the most similar input is {" + expected + "}";
    }
    return new SqlSyntaxException(
        "Getting syntax error at line "
            + line
            + ", column "
            + (offset - lineStart)
            + ". Detail message: "
            + detail
            + ".");
  }
}
