package io.srcn.sdk.internal.fe;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads cells of a {@code SHOW} row by column label. The FE sends every value as a string; a SQL
 * NULL (or the FE's {@code \N}) is simply absent from the row. Lenient everywhere except where a
 * caller asks for a required value: an unparseable optional value reads as empty, never as an
 * error, so one odd column cannot break a listing.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cells {
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private Cells() {}

  /** The value of the first label present (exact match first, then ignoring case), if non-NULL. */
  public static Optional<String> text(Map<String, String> row, String... labels) {
    for (String label : labels) {
      String v = row.get(label);
      if (v != null) {
        return Optional.of(v);
      }
    }
    for (String label : labels) {
      for (Map.Entry<String, String> e : row.entrySet()) {
        if (e.getKey().equalsIgnoreCase(label)) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A required value.
   *
   * @throws IllegalArgumentException naming the column when it is absent
   */
  public static String required(Map<String, String> row, String label) {
    return text(row, label)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "row has no value in column '" + label + "' (columns: " + row.keySet() + ")"));
  }

  /**
   * A required integer.
   *
   * @throws IllegalArgumentException naming the column when it is absent or not a number
   */
  public static long requiredLong(Map<String, String> row, String label) {
    String v = required(row, label).trim();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column '" + label + "' is not a number: '" + abbreviate(v) + "'", e);
    }
  }

  /** An integer; empty when absent, unparseable or negative (the FE's {@code -1} = unknown). */
  public static OptionalInt port(Map<String, String> row, String label) {
    OptionalInt v = integer(row, label);
    return v.isPresent() && v.getAsInt() < 0 ? OptionalInt.empty() : v;
  }

  /** An integer; empty when absent or unparseable. */
  public static OptionalInt integer(Map<String, String> row, String... labels) {
    Optional<String> v = text(row, labels);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(v.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** {@code true} (any case); false when absent or anything else. */
  public static boolean bool(Map<String, String> row, String... labels) {
    return text(row, labels).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
  }

  /**
   * A percentage such as {@code 12.34 %} (also {@code 12,34 %} from an FE with a comma locale);
   * empty when absent or unparseable.
   */
  public static OptionalDouble percent(Map<String, String> row, String label) {
    Optional<String> v = text(row, label);
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    String s = v.get().replace("%", "").trim();
    if (s.indexOf('.') < 0) {
      s = s.replace(',', '.');
    }
    try {
      return OptionalDouble.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * A time in the FE's {@code yyyy-MM-dd HH:mm:ss} format (FE time zone); empty when NULL, absent
   * or unparseable.
   */
  public static Optional<LocalDateTime> time(Map<String, String> row, String label) {
    Optional<String> v = text(row, label).map(String::trim).filter(s -> !s.isEmpty());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(v.get().replace('T', ' '), TIME));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
