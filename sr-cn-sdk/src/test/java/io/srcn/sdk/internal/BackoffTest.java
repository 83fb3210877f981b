package io.srcn.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheMaximum() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0);

    assertThat(b.nominalNanos(0)).isEqualTo(100_000_000L);
    assertThat(b.nominalNanos(1)).isEqualTo(200_000_000L);
    assertThat(b.nominalNanos(3)).isEqualTo(800_000_000L);
    assertThat(b.nominalNanos(4)).isEqualTo(1_000_000_000L);
    assertThat(b.nominalNanos(10_000)).isEqualTo(1_000_000_000L);
  }

  @Test
  void jitterStaysBetweenHalfAndTheNominalPause() {
    Random random = new Random(42);
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), random::nextDouble);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1000; i++) {
      long d = b.delayNanos(2);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isGreaterThanOrEqualTo(200_000_000L);
    assertThat(max).isLessThan(400_000_000L);
    assertThat(max - min).isGreaterThan(150_000_000L); // really random, not constant
  }
}
