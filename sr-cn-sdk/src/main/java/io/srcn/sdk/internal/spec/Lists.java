package io.srcn.sdk.internal.spec;

import io.srcn.sdk.internal.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads lists of a document so that the positions of the values read stay the positions in the
 * document: every element is checked, but after the first element that cannot be read, no more are
 * added (the spec's own rules then report the others with the right indices once the document is
 * fixed).
 *
 * <p>Stateless and thread-safe.
 */
final class Lists {
  private Lists() {}

  /** fabric8 model objects of a list. */
  static <T> List<T> models(Fields f, String key, Class<T> type) {
    return read(f, key, (v, o) -> Attempts.model(v, o, type));
  }

  /** Strings of a list. */
  static List<String> strings(Fields f, String key) {
    return read(
        f,
        key,
        (v, o) -> {
          if (o instanceof String s) {
            return s;
          }
          v.add("", "must be a string, not " + Fields.describe(o));
          return null;
        });
  }

  /** Elements of a list read as mappings. */
  static <T> List<T> mappings(Fields f, String key, Function<Fields, T> reader) {
    return read(f, key, (v, o) -> reader.apply(Fields.of(v, o)));
  }

  static <T> void addUnlessNull(List<T> list, T value) {
    if (value != null) {
      list.add(value);
    }
  }

  private static <T> List<T> read(Fields f, String key, BiFunction<Violations, Object, T> reader) {
    List<T> result = new ArrayList<>();
    boolean[] failed = {false};
    f.list(
        key,
        (v, o) -> {
          T value = reader.apply(v, o);
          if (value == null) {
            failed[0] = true;
          } else if (!failed[0]) {
            result.add(value);
          }
        });
    return result;
  }
}
