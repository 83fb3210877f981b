package io.srcn.sdk.internal.spec;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Kubernetes resource quantities ({@code 500m}, {@code 4}, {@code 16Gi}, {@code 1e3}) with
 * the grammar of {@code k8s.io/apimachinery/pkg/api/resource}: a non-negative decimal number
 * followed by a binary-SI suffix ({@code Ki..Ei}), a decimal-SI suffix ({@code n u m k M G T P E})
 * or a decimal exponent ({@code e3}, {@code E-2}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "\\+?([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?|[eE][-+]?[0-9]+)");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  /** How a quantity is described in violation messages. */
  public static final String SYNTAX_HINT =
      "a Kubernetes quantity such as 500m, 4, 16Gi or 1e9 (no sign, no spaces)";

  private Quantities() {}

  /** The amount of a quantity in base units, or empty when the text is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    String suffix = m.group(2);
    if (!SUFFIXES.containsKey(suffix)) { // a decimal exponent such as e3 or E-2
      int exponent = Integer.parseInt(suffix.substring(1).replace("+", ""));
      if (Math.abs(exponent) > 30) {
        return Optional.empty();
      }
      return Optional.of(number.scaleByPowerOfTen(exponent));
    }
    return Optional.of(number.multiply(SUFFIXES.get(suffix)));
  }

  /** True when the text is a quantity. */
  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /** True when the text is a quantity greater than zero. */
  public static boolean isPositive(String text) {
    return parse(text).map(q -> q.signum() > 0).orElse(false);
  }
}
