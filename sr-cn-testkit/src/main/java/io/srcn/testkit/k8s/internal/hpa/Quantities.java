package io.srcn.testkit.k8s.internal.hpa;

import java.util.Map;

/**
 * Kubernetes resource quantities ({@code 100m}, {@code 1Gi}, {@code 2k}, {@code 1e3}) as doubles
 * and back.
 *
 * <p>Stateless and thread-safe.
 */
public final class Quantities {
  private static final Map<String, Double> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", 1e-9),
          Map.entry("u", 1e-6),
          Map.entry("m", 1e-3),
          Map.entry("k", 1e3),
          Map.entry("M", 1e6),
          Map.entry("G", 1e9),
          Map.entry("T", 1e12),
          Map.entry("P", 1e15),
          Map.entry("E", 1e18),
          Map.entry("Ki", 1024.0),
          Map.entry("Mi", Math.pow(1024, 2)),
          Map.entry("Gi", Math.pow(1024, 3)),
          Map.entry("Ti", Math.pow(1024, 4)),
          Map.entry("Pi", Math.pow(1024, 5)),
          Map.entry("Ei", Math.pow(1024, 6)));

  private Quantities() {}

  /**
   * Parses a quantity.
   *
   * @throws IllegalArgumentException naming the value when it is not a quantity
   */
  public static double parse(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("empty quantity");
    }
    String q = quantity.trim();
    int end = q.length();
    while (end > 0
        && Character.isLetter(q.charAt(end - 1))
        && !(q.charAt(end - 1) == 'e' && end < q.length())) {
      end--;
    }
    String number = q.substring(0, end);
    String suffix = q.substring(end);
    Double factor = suffix.isEmpty() ? Double.valueOf(1.0) : SUFFIXES.get(suffix);
    try {
      if (factor == null) {
        throw new NumberFormatException();
      }
      return Double.parseDouble(number) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid quantity \"" + quantity + "\"");
    }
  }

  /** Formats a value as Kubernetes would show it: whole numbers plain, fractions in milli-units. */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return Math.round(value * 1000) + "m";
  }
}
