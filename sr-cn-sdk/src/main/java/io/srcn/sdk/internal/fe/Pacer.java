package io.srcn.sdk.internal.fe;

/**
 * Time for the retry loop: a monotonic clock and an interruptible pause that {@link #wake()} ends
 * early (when the client is closed). Tests substitute a fake that advances a virtual clock.
 *
 * <p>Implementations are thread-safe.
 */
public interface Pacer {
  /** The current time of a monotonic clock, in nanoseconds. */
  long nanoTime();

  /**
   * Pauses for {@code nanos} or until {@link #wake()}.
   *
   * @return false when woken early or interrupted (the interrupt flag is kept)
   */
  boolean pause(long nanos);

  /** Ends every current and future pause early. */
  void wake();

  /** The real clock: {@link System#nanoTime()} and a monitor wait. */
  static Pacer system() {
    return new Pacer() {
      private final Object monitor = new Object();
      private boolean woken;

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public boolean pause(long nanos) {
        long end = System.nanoTime() + nanos;
        synchronized (monitor) {
          try {
            for (long left = nanos; left > 0 && !woken; left = end - System.nanoTime()) {
              monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
            return !woken;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
      }

      @Override
      public void wake() {
        synchronized (monitor) {
          woken = true;
          monitor.notifyAll();
        }
      }
    };
  }
}
