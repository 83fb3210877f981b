package io.srcn.sdk.internal.spec;

import java.util.regex.Pattern;

/**
 * Syntax predicates of Kubernetes and StarRocks names that the spec rules share: label keys and
 * values, qualified names, environment variable names, image references, cn.conf keys and SQL
 * identifiers.
 *
 * <p>Stateless and thread-safe.
 */
public final class Syntax {
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CONFIG_KEY = Pattern.compile("[a-z0-9_.]+");
  private static final String DOMAIN_PART = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
  private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?:"
              + DOMAIN_PART
              + "(?:\\."
              + DOMAIN_PART
              + ")*(?::[0-9]+)?/)?"
              + PATH_PART
              + "(?:/"
              + PATH_PART
              + ")*"
              + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
              + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

  private Syntax() {}

  /**
   * A Kubernetes qualified name ({@code [prefix/]name}): label keys, annotation keys, resource
   * names. The prefix is a DNS-1123 subdomain of at most 253 characters, the name at most 63.
   */
  public static boolean isQualifiedName(String key) {
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()
          || prefix.length() > 253
          || !DNS_1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && QUALIFIED_NAME_PART.matcher(name).matches();
  }

  /** A label value: empty, or at most 63 alphanumerics with {@code -_.} inside. */
  public static boolean isLabelValue(String value) {
    return value.isEmpty()
        || (value.length() <= 63 && QUALIFIED_NAME_PART.matcher(value).matches());
  }

  /** A C identifier, as environment variable names must be here. */
  public static boolean isCIdentifier(String name) {
    return C_IDENTIFIER.matcher(name).matches();
  }

  /** A cn.conf key: lower-case letters, digits, {@code _} and {@code .}. */
  public static boolean isConfigKey(String key) {
    return CONFIG_KEY.matcher(key).matches();
  }

  /** A container image reference {@code [registry[:port]/]path[:tag][@digest]}. */
  public static boolean isImageReference(String image) {
    return image.length() <= 512 && IMAGE.matcher(image).matches();
  }

  /** A StarRocks identifier for a warehouse: {@code [A-Za-z_][A-Za-z0-9_]*}, at most 64. */
  public static boolean isWarehouseName(String name) {
    return name.length() <= 64 && C_IDENTIFIER.matcher(name).matches();
  }

  /** True when the text contains a carriage return or a line feed. */
  public static boolean hasLineBreak(String value) {
    return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
  }

  /**
   * An absolute, normalized path: starts with {@code /}, no empty, {@code .} or {@code ..}
   * segments, no trailing {@code /}, no control characters or {@code :}.
   */
  public static boolean isAbsolutePath(String path) {
    if (!path.startsWith("/") || path.length() < 2 || path.length() > 1024) {
      return false;
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return path.chars().noneMatch(c -> Character.isISOControl(c) || c == ':');
  }
}
