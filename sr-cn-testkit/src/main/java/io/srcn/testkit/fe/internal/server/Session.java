package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.UserRegistry.User;
import java.time.Duration;

/**
 * The state of one logged-in connection: id, user, current database, and the hooks other sessions
 * use to {@code KILL} it.
 *
 * <p>The database is touched only by the connection's thread; the kill methods are thread-safe.
 */
final class Session {
  final long connectionId;
  final User user;
  final String remoteHost;
  private final Runnable disconnect;
  String database;
  private boolean killRequested; // guarded by this

  Session(long connectionId, User user, String remoteHost, Runnable disconnect) {
    this.connectionId = connectionId;
    this.user = user;
    this.remoteHost = remoteHost;
    this.disconnect = disconnect;
  }

  /** {@code KILL QUERY}: interrupts the statement this session is waiting on, if any. */
  synchronized void killQuery() {
    killRequested = true;
    notifyAll();
  }

  /** {@code KILL CONNECTION}: closes this session's socket. */
  void killConnection() {
    killQuery();
    disconnect.run();
  }

  /** Called when a statement starts: a KILL QUERY sent while idle has no effect on it. */
  synchronized void statementStarted() {
    killRequested = false;
  }

  /**
   * Waits {@code delay} (the injected latency) unless a KILL QUERY arrives first.
   *
   * @return true when the statement was killed
   */
  synchronized boolean awaitUnlessKilled(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    try {
      while (!killRequested) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(left / 1_000_000, (int) (left % 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    killRequested = false;
    return true;
  }
}
