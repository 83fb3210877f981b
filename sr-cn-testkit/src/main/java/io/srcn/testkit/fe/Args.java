package io.srcn.testkit.fe;

import java.time.Duration;

/** Argument checks of the builder, with messages naming the setting. */
final class Args {
  private Args() {}

  static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
    return value;
  }

  static String nonBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was " + value);
    }
    return value;
  }
}
