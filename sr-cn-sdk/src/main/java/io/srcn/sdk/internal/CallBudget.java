package io.srcn.sdk.internal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long the FE calls of a handle method may retry, per call: a handle method promises to give up
 * on an FE that cannot be reached after about {@code connectTimeout}, shorter than the FE client's
 * own retry deadline ({@code min(2 x connectTimeout, 10 s)}), which the controller keeps. Inside a
 * budget, the FE cluster's circuit breaker does not answer with an old failure: the call tries the
 * FE (the user asked now, and the FE may be back), but once a call of the same budget found the FE
 * unreachable, the later ones fail at once, so a method that makes several FE calls gives up after
 * one {@code connectTimeout}. The JDBC FE client ends its retries at the earlier of the two
 * deadlines; every address is still tried once (a round that has started finishes).
 *
 * <p>Thread-safe: the budget is per thread.
 */
public final class CallBudget {
  private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

  private CallBudget() {}

  private static final class State {
    private final Duration perCall;
    private boolean unreachable;

    State(Duration perCall) {
      this.perCall = perCall;
    }
  }

  /** Runs {@code work} with each FE call limited to {@code perCall} (nested: the outer budget). */
  public static <T> T within(Duration perCall, Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    CURRENT.set(new State(perCall));
    try {
      return work.get();
    } finally {
      CURRENT.remove();
    }
  }

  /** {@code retry}, shortened to the current thread's budget per call, if any. */
  public static Duration limit(Duration retry) {
    State s = CURRENT.get();
    return s == null || s.perCall.compareTo(retry) >= 0 ? retry : s.perCall;
  }

  /** True when the current thread works inside a budget. */
  public static boolean active() {
    return CURRENT.get() != null;
  }

  /** True when an FE call of the current budget already found the FE unreachable. */
  public static boolean foundUnreachable() {
    State s = CURRENT.get();
    return s != null && s.unreachable;
  }

  /** Records that an FE call of the current budget (if any) found the FE unreachable. */
  public static void markUnreachable() {
    State s = CURRENT.get();
    if (s != null) {
      s.unreachable = true;
    }
  }
}
