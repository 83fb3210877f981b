package io.srcn.sdk.internal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time budget for every FE call a piece of work makes on the current thread: a handle method
 * promises to give up on an FE that cannot be reached after about {@code connectTimeout}, shorter
 * than the FE client's own retry deadline ({@code min(2 x connectTimeout, 10 s)}), while the
 * controller keeps the longer deadline. the JDBC FE client ends its retries at the earlier of the
 * two; every address is still tried once (a round that has started finishes).
 *
 * <p>Thread-safe: the budget is per thread.
 */
public final class CallBudget {
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  private CallBudget() {}

  /** Runs {@code work} with FE calls limited to {@code budget} from now (nested: the earlier). */
  public static <T> T within(Duration budget, Supplier<T> work) {
    Long previous = DEADLINE.get();
    long mine = System.nanoTime() + budget.toNanos();
    DEADLINE.set(previous == null ? mine : Math.min(previous, mine));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(previous);
      }
    }
  }

  /** {@code retry}, shortened to what is left of the current thread's budget (never negative). */
  public static Duration limit(Duration retry) {
    Long deadline = DEADLINE.get();
    if (deadline == null) {
      return retry;
    }
    long left = Math.max(0, deadline - System.nanoTime());
    return left < retry.toNanos() ? Duration.ofNanos(left) : retry;
  }
}
