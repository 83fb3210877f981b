package io.srcn.sdk.internal;

import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Collects every violated rule of a value (with the path of each field) so that one {@link
 * InvalidSpecException} can report all of them at once. Used by the {@code @Value.Check} methods.
 *
 * <p>Not thread-safe; create one per check.
 */
public final class Violations {
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private final String prefix;
  private final List<Violation> found;

  /** Starts an empty collection whose paths start with {@code prefix} (may be empty). */
  public Violations(String prefix) {
    this(prefix, new ArrayList<>());
  }

  private Violations(String prefix, List<Violation> found) {
    this.prefix = prefix;
    this.found = found;
  }

  /** A view that adds to the same list under {@code prefix.child}. */
  public Violations child(String child) {
    return new Violations(path(child), found);
  }

  /** Records a violation of {@code field} (relative to the prefix; empty for the prefix itself). */
  public Violations add(String field, String message) {
    found.add(new Violation(path(field), message));
    return this;
  }

  /** Records the violations of a nested value's exception, keeping their own paths. */
  public Violations addAll(InvalidSpecException e) {
    found.addAll(e.violations());
    return this;
  }

  /** Records {@code message} for {@code field} unless {@code condition} holds. */
  public Violations require(boolean condition, String field, String message) {
    if (!condition) {
      add(field, message);
    }
    return this;
  }

  /**
   * Records the message {@code message} supplies for {@code field} unless {@code condition} holds;
   * the message is built only when needed.
   */
  public Violations require(boolean condition, String field, Supplier<String> message) {
    if (!condition) {
      add(field, message.get());
    }
    return this;
  }

  /** Checks an integer range, inclusive. */
  public Violations range(String field, long value, long min, long max) {
    return require(
        value >= min && value <= max, field, () -> value + " must be in " + min + ".." + max);
  }

  /** Checks a DNS-1123 label (Kubernetes object names such as Services), at most 63 chars. */
  public Violations dnsLabel(String field, String value) {
    return require(
        value.length() <= 63 && DNS_1123_LABEL.matcher(value).matches(),
        field,
        () ->
            quote(value)
                + " must be a DNS-1123 label (lower-case letters, digits and '-', at most 63)");
  }

  /** Checks a DNS-1123 subdomain (ConfigMap, Secret names), at most 253 chars. */
  public Violations dnsSubdomain(String field, String value) {
    return require(
        value.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(value).matches(),
        field,
        () ->
            quote(value)
                + " must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')");
  }

  /** Checks a Secret or ConfigMap data key. */
  public Violations secretKey(String field, String value) {
    return require(
        value.length() <= 253 && SECRET_KEY.matcher(value).matches(),
        field,
        () -> quote(value) + " must consist of letters, digits, '-', '_' or '.'");
  }

  /** True when nothing was found so far. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** The violations found so far. */
  public List<Violation> list() {
    return List.copyOf(found);
  }

  /**
   * Throws one exception listing everything found.
   *
   * @throws InvalidSpecException when at least one violation was recorded
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found);
    }
  }

  private String path(String field) {
    if (field.isEmpty()) {
      return prefix.isEmpty() ? "spec" : prefix;
    }
    if (prefix.isEmpty()) {
      return field;
    }
    return field.startsWith("[") ? prefix + field : prefix + "." + field;
  }

  /** Quotes a user value for a message, making control characters visible. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < value.length() && i < 100; i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    if (value.length() > 100) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
