package io.srcn.sdk.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "4, 4",
    "500m, 0.5",
    "1.5, 1.5",
    ".5, 0.5",
    "1., 1",
    "+2, 2",
    "1Ki, 1024",
    "16Gi, 17179869184",
    "1M, 1000000",
    "1e3, 1000",
    "1E-3, 0.001",
    "250u, 0.00025",
    "7n, 0.000000007",
    "2Ei, 2305843009213693952"
  })
  void parsesTheKubernetesQuantityGrammar(String text, String amount) {
    assertThat(Quantities.parse(text))
        .hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(new BigDecimal(amount)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-1", "1 Gi", "1GB", "Gi", "1.2.3", "1gi", "0x10", "1e", "1e99", "abc", " 1"})
  void rejectsEverythingElse(String text) {
    assertThat(Quantities.parse(text)).isEmpty();
  }
}
