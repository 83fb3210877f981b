package io.srcn.sdk.internal.spec;

import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.Violations;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds nested values while reading a document without stopping at the first problem: a failed
 * step is recorded (its violations moved from the value's own path to the document path) and
 * reading goes on with the value as it was, so one document reports all its problems at once.
 *
 * <p>Stateless and thread-safe.
 */
final class Attempts {
  private static final Pattern CHAIN_ELEMENT = Pattern.compile("\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]");

  private Attempts() {}

  /**
   * The value {@code make} returns, or null after recording why it failed.
   *
   * @param at where the value is in the document
   * @param ownRoot the path prefix the value's own checks use (e.g. {@code autoscaling})
   */
  static <T> T make(Violations at, String ownRoot, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidSpecException e) {
      record(at, ownRoot, e);
    } catch (IllegalArgumentException e) {
      at.add("", e.getMessage());
    }
    return null;
  }

  /** {@code change} applied to {@code current}, or {@code current} after recording the failure. */
  static <T> T step(Violations at, String ownRoot, T current, UnaryOperator<T> change) {
    if (current == null) {
      return null;
    }
    T next = make(at, ownRoot, () -> change.apply(current));
    return next == null ? current : next;
  }

  /** A fabric8 model object read from a tree, or null after recording why it does not fit. */
  static <T> T model(Violations at, Object tree, Class<T> type) {
    try {
      return Fabric8Objects.fromTree(tree, type);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      at.child(chainPath(e.getCause() == null ? "" : e.getCause().getMessage()))
          .add("", "cannot be read as " + type.getSimpleName() + ": " + message);
      return null;
    }
  }

  private static void record(Violations at, String ownRoot, InvalidSpecException e) {
    for (Violation v : e.violations()) {
      String p = v.path();
      String relative;
      if (p.equals(ownRoot)) {
        relative = "";
      } else if (p.startsWith(ownRoot + ".")) {
        relative = p.substring(ownRoot.length() + 1);
      } else if (p.startsWith(ownRoot + "[")) {
        relative = p.substring(ownRoot.length());
      } else {
        relative = p;
      }
      at.add(DocumentPaths.withUnits(relative), v.message());
    }
  }

  /** The fields named by Jackson's "through reference chain" as a relative path. */
  private static String chainPath(String message) {
    if (message == null) {
      return "";
    }
    int chain = message.indexOf("reference chain:");
    if (chain < 0) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    Matcher m = CHAIN_ELEMENT.matcher(message.substring(chain));
    while (m.find()) {
      if (m.group(1) != null) {
        path.append(path.length() == 0 ? "" : ".").append(m.group(1));
      } else {
        path.append('[').append(m.group(2)).append(']');
      }
    }
    return path.toString();
  }
}
