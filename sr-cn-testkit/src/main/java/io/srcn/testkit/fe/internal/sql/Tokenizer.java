package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into {@link Token}s: words, back-quoted identifiers, single/double-quoted
 * strings (backslash escapes and doubled quotes), numbers, {@code @@} and {@code @} variables and
 * symbols. Comments ({@code /* *\/}, {@code -- }, {@code #}) are skipped.
 *
 * <p>Not thread-safe; one instance per statement.
 */
final class Tokenizer {
  private final String sql;
  private int pos;

  private Tokenizer(String sql) {
    this.sql = sql;
  }

  /**
   * Tokenizes {@code sql}; the list always ends with an EOF token.
   *
   * @throws SqlSyntaxException on an unterminated string, identifier or comment
   */
  static List<Token> tokenize(String sql) throws SqlSyntaxException {
    return new Tokenizer(sql).run();
  }

  private List<Token> run() throws SqlSyntaxException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Kind.EOF, "", sql.length(), sql.length()));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() throws SqlSyntaxException {
    char c = sql.charAt(pos);
    if (c == '\'' || c == '"') {
      return quoted(Kind.STRING, c);
    }
    if (c == '`') {
      return quoted(Kind.QUOTED_IDENT, c);
    }
    if (c == '@') {
      return variable();
    }
    if (isDigit(c) || (c == '.' && pos + 1 < sql.length() && isDigit(sql.charAt(pos + 1)))) {
      return number();
    }
    if (isWordStart(c)) {
      return word();
    }
    return symbol();
  }

  private Token quoted(Kind kind, char quote) throws SqlSyntaxException {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c == quote) {
        if (pos < sql.length() && sql.charAt(pos) == quote) {
          sb.append(quote);
          pos++;
          continue;
        }
        return new Token(kind, sb.toString(), start, pos);
      }
      if (c == '\\' && kind == Kind.STRING && pos < sql.length()) {
        sb.append(unescape(sql.charAt(pos++)));
      } else {
        sb.append(c);
      }
    }
    throw unterminated(start, kind == Kind.STRING ? "string" : "quoted identifier");
  }

  private static char unescape(char c) {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case 'b':
        return '\b';
      case 'Z':
        return '\u001A';
      default:
        return c;
    }
  }

  private Token variable() {
    int start = pos;
    boolean system = sql.startsWith("@@", pos);
    pos += system ? 2 : 1;
    int nameStart = pos;
    while (pos < sql.length() && (isWordPart(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
      pos++;
    }
    return new Token(
        system ? Kind.SYSTEM_VARIABLE : Kind.USER_VARIABLE,
        sql.substring(nameStart, pos),
        start,
        pos);
  }

  // digits with at most one decimal point: '10.0.0.1' is the number 10.0 followed by more input
  private Token number() {
    int start = pos;
    boolean dot = false;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '.' && !dot && pos + 1 < sql.length() && isDigit(sql.charAt(pos + 1))) {
        dot = true;
      } else if (!isWordPart(c)) {
        break;
      }
      pos++;
    }
    return new Token(Kind.NUMBER, sql.substring(start, pos), start, pos);
  }

  private Token word() {
    int start = pos;
    while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
      pos++;
    }
    return new Token(Kind.WORD, sql.substring(start, pos), start, pos);
  }

  private Token symbol() {
    int start = pos;
    String two = pos + 1 < sql.length() ? sql.substring(pos, pos + 2) : "";
    if (two.equals("<=")
        || two.equals(">=")
        || two.equals("!=")
        || two.equals("<>")
        || two.equals(":=")) {
      pos += 2;
    } else {
      pos += Character.charCount(sql.codePointAt(pos));
    }
    return new Token(Kind.SYMBOL, sql.substring(start, pos), start, pos);
  }

  private void skipSpaceAndComments() throws SqlSyntaxException {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (sql.startsWith("/*", pos)) {
        int end = sql.indexOf("*/", pos + 2);
        if (end < 0) {
          throw unterminated(pos, "comment");
        }
        pos = end + 2;
      } else if (c == '#' || (sql.startsWith("--", pos) && isCommentDash(pos + 2))) {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? sql.length() : end + 1;
      } else {
        return;
      }
    }
  }

  private boolean isCommentDash(int after) {
    return after >= sql.length() || Character.isWhitespace(sql.charAt(after));
  }

  private SqlSyntaxException unterminated(int start, String what) {
    Token at =
        new Token(
            Kind.SYMBOL, sql.substring(start, Math.min(sql.length(), start + 1)), start, start + 1);
    return SqlSyntaxException.unexpected(sql, at, null == what ? null : "a terminated " + what);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
