package io.srcn.sdk.internal.spec;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads enum fields of a document by their document spelling (e.g. {@code Max}, {@code Pods},
 * {@code FQDN}), naming the allowed values when one does not match.
 *
 * <p>Stateless and thread-safe.
 */
final class Enums {
  private Enums() {}

  /** The constant spelled {@code f.string(key)}, or null when absent or unknown (recorded). */
  static <E extends Enum<E>> E read(
      Fields f, String key, Class<E> type, Function<E, String> spelling) {
    String text = f.string(key);
    if (text == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (spelling.apply(e).equals(text)) {
        return e;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
    f.violations()
        .add(key, io.srcn.sdk.internal.Violations.quote(text) + " must be one of " + allowed);
    return null;
  }
}
