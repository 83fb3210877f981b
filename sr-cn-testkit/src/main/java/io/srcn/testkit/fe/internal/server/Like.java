package io.srcn.testkit.fe.internal.server;

/** SQL {@code LIKE} matching ({@code %}, {@code _}, backslash escape), case-insensitive. */
final class Like {
  private Like() {}

  static boolean matches(String pattern, String value) {
    return match(
        pattern.toLowerCase(java.util.Locale.ROOT), 0, value.toLowerCase(java.util.Locale.ROOT), 0);
  }

  private static boolean match(String p, int pi, String v, int vi) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        for (int k = vi; k <= v.length(); k++) {
          if (match(p, pi + 1, v, k)) {
            return true;
          }
        }
        return false;
      }
      if (vi >= v.length()) {
        return false;
      }
      if (c == '\\' && pi + 1 < p.length()) {
        pi++;
        c = p.charAt(pi);
        if (v.charAt(vi) != c) {
          return false;
        }
      } else if (c != '_' && v.charAt(vi) != c) {
        return false;
      }
      pi++;
      vi++;
    }
    return vi == v.length();
  }
}
