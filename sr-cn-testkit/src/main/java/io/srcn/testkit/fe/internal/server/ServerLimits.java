package io.srcn.testkit.fe.internal.server;

/** Size and time limits of the fake FE's connections. */
final class ServerLimits {
  /** {@code max_allowed_packet}: the largest message accepted after login (StarRocks: 32 MiB). */
  static final int MAX_ALLOWED_PACKET = 32 * 1024 * 1024;

  /** The largest packet accepted before login (a handshake response is a few hundred bytes). */
  static final int MAX_LOGIN_PACKET = 64 * 1024;

  /** How long a client may take to complete the login. */
  static final int LOGIN_TIMEOUT_MILLIS = 10_000;

  private ServerLimits() {}
}
