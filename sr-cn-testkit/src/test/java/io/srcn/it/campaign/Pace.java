package io.srcn.it.campaign;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The pause a scenario keeps between two steps. It is part of the scenario (how much the engine
 * gets to do before the next fault), not a wait for a condition: conditions are awaited with
 * Awaitility where they are checked.
 */
final class Pace {
  private Pace() {}

  static void hold(int millis) {
    if (millis > 0) {
      Duration d = Duration.ofMillis(millis);
      await().pollDelay(d).atMost(d.plusSeconds(10)).until(() -> true);
    }
  }
}
