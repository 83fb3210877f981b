package io.srcn.testkit.standalone;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed {@code --name value} options and {@code --flag} switches of one launcher command (also
 * {@code --name=value}). Unknown options, missing values and repeated options are usage errors.
 *
 * <p>Immutable after parsing; not shared between threads.
 */
final class Arguments {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Arguments() {}

  /**
   * Parses {@code args} against the options a command accepts.
   *
   * @param valueOptions options that take a value, without the leading {@code --}
   * @param flagOptions switches, without the leading {@code --}
   * @throws UsageException naming the offending argument
   */
  static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
      throws UsageException {
    Arguments parsed = new Arguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagOptions.contains(name) && inline == null) {
        if (!parsed.flags.add(name)) {
          throw new UsageException("option --" + name + " given twice");
        }
      } else if (valueOptions.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException("option --" + name + " needs a value");
          }
          value = args.get(++i);
        }
        if (parsed.values.put(name, value) != null) {
          throw new UsageException("option --" + name + " given twice");
        }
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return parsed;
  }

  /** The value of an option, if given. */
  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** True when a switch was given. */
  boolean flag(String name) {
    return flags.contains(name);
  }

  /**
   * An integer option within {@code min..max}, or {@code fallback} when absent.
   *
   * @throws UsageException when the value is not an integer in range
   */
  int intValue(String name, int fallback, int min, int max) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "option --" + name + " must be an integer in " + min + ".." + max + ", was '" + v + "'");
  }
}
