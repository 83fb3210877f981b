package io.srcn.sdk;

/**
 * The thread was interrupted while the SDK waited (a poll of {@code awaitReady}, {@code suspend} or
 * {@code delete}). The thread's interrupt flag is set again before this is thrown; the cause is the
 * {@link InterruptedException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class OperationInterruptedException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception saying what was being waited for. */
  public OperationInterruptedException(String waitingFor, InterruptedException cause) {
    super("interrupted while waiting for " + waitingFor, cause);
  }
}
