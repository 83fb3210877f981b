package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.List;

/**
 * Masks passwords in statement text before it is kept in the statement log: the string after {@code
 * IDENTIFIED BY} and every string of a {@code SET PASSWORD} statement become {@code '***'}.
 *
 * <p>Thread-safe (stateless).
 */
public final class Redactor {
  private static final String MASK = "'***'";

  private Redactor() {}

  /** {@code sql} with password literals masked; unparseable text is returned unchanged. */
  public static String redact(String sql) {
    if (!containsIgnoreCase(sql, "PASSWORD") && !containsIgnoreCase(sql, "IDENTIFIED")) {
      return sql;
    }
    List<Token> tokens;
    try {
      tokens = Tokenizer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      return sql;
    }
    boolean setPassword =
        tokens.size() > 1 && tokens.get(0).isWord("SET") && tokens.get(1).isWord("PASSWORD");
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean secret =
          t.kind() == Kind.STRING
              && (setPassword
                  || (i >= 2
                      && tokens.get(i - 1).isWord("BY")
                      && tokens.get(i - 2).isWord("IDENTIFIED")));
      if (secret) {
        out.append(sql, copied, t.start()).append(MASK);
        copied = t.end();
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  private static boolean containsIgnoreCase(String s, String word) {
    for (int i = 0; i + word.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }
}
