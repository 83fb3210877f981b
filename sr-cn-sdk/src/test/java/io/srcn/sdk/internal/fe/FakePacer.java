package io.srcn.sdk.internal.fe;

import java.util.ArrayList;
import java.util.List;

/** A virtual clock: pauses advance it at once and are recorded. Not thread-safe. */
final class FakePacer implements Pacer {
  private long now = 1_000_000_000L;
  private boolean woken;
  final List<Long> pauses = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public boolean pause(long nanos) {
    if (woken) {
      return false;
    }
    pauses.add(nanos);
    now += nanos;
    return true;
  }

  @Override
  public void wake() {
    woken = true;
  }

  void advance(long nanos) {
    now += nanos;
  }
}
