package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.UserRegistry.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of one logged-in connection: id, user, current database, and the hooks other sessions
 * use to {@code KILL} it.
 *
 * <p>The database, user variables and prepared statements are touched only by the connection's
 * thread; the user can change ({@code COM_CHANGE_USER}); the kill methods and the processlist
 * fields are thread-safe.
 */
final class Session {
  final long connectionId;
  volatile User user;
  final String remoteHost;
  final int remotePort;
  final Instant connectedAt;

  /** The scramble of the handshake: COM_CHANGE_USER authenticates against it again. */
  final byte[] scramble;

  private final Runnable disconnect;
  volatile String database;

  /** User variables ({@code SET @v = 1}), by lower-case name. */
  final Map<String, String> userVariables = new HashMap<>();

  /** Server-side prepared statements, by id. */
  final PreparedStatements prepared = new PreparedStatements();

  /** The statement running now (for SHOW PROCESSLIST), or null while idle. */
  volatile String runningSql;

  /** When the running statement (or the idle period) started, for SHOW PROCESSLIST. */
  volatile Instant stateSince;

  private boolean killRequested; // guarded by this

  Session(
      long connectionId,
      User user,
      String remoteHost,
      int remotePort,
      Instant connectedAt,
      byte[] scramble,
      Runnable disconnect) {
    this.scramble = scramble;
    this.connectionId = connectionId;
    this.user = user;
    this.remoteHost = remoteHost;
    this.remotePort = remotePort;
    this.connectedAt = connectedAt;
    this.stateSince = connectedAt;
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
