package io.srcn.sdk.internal.fe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the StarRocks version from {@code @@version_comment} ({@code StarRocks version 3.3.5}).
 * Stateless and thread-safe.
 */
final class VersionComment {
  private static final Pattern VERSION = Pattern.compile("(?i)starrocks\\s+version\\s+(\\S+)");

  private VersionComment() {}

  /** The version after {@code StarRocks version}, or the whole comment when it has another form. */
  static String version(String comment) {
    Matcher m = VERSION.matcher(comment);
    return m.find() ? m.group(1) : comment;
  }
}
