package io.srcn.sdk.internal.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "-5, 0s",
    "0, 0s",
    "119, 119s",
    "120, 2m",
    "200, 3m20s",
    "599, 9m59s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "11100, 3h5m",
    "28800, 8h",
    "172799, 47h",
    "172800, 2d",
    "31536000, 365d"
  })
  void humanDurations(long seconds, String expected) {
    assertThat(Durations.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2026-11-25T09:59:15Z, 45s", "2026-11-25T10:00:30Z, 0s"})
  void agesFromNow(String time, String expected) {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(Durations.age(Instant.parse(time), now)).isEqualTo(expected);
  }
}
