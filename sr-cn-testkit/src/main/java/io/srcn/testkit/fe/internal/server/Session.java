package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.UserRegistry.User;

/**
 * The state of one logged-in connection: id, user and current database.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class Session {
  final long connectionId;
  final User user;
  final String remoteHost;
  String database;

  Session(long connectionId, User user, String remoteHost, String database) {
    this.connectionId = connectionId;
    this.user = user;
    this.remoteHost = remoteHost;
    this.database = database;
  }
}
