package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.srcn.sdk.InvalidSpecException.Violation;
import java.util.function.Supplier;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of the validation tables and their one assertion. */
final class ValidationCases {
  static final String QTY =
      " must be a Kubernetes quantity such as 500m, 4, 16Gi or 1e9 (no sign, no spaces)";

  private ValidationCases() {}

  /** A row: building {@code build} must fail with exactly this one violation. */
  static Arguments rule(String name, Supplier<?> build, String path, String message) {
    return arguments(named(name, build), path, message);
  }

  static void assertViolation(Supplier<?> build, String path, String message) {
    assertThatThrownBy(build::get)
        .isInstanceOf(InvalidSpecException.class)
        .isInstanceOf(CnSdkException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSpecException) e).violations())
                    .containsExactly(new Violation(path, message)))
        .hasMessageContaining(path + ": " + message);
  }
}
