package io.srcn.testkit.fe.internal.protocol;

/** MySQL capability flags used by the fake FE. */
public final class Capabilities {
  public static final long LONG_PASSWORD = 0x1;
  public static final long FOUND_ROWS = 0x2;
  public static final long LONG_FLAG = 0x4;
  public static final long CONNECT_WITH_DB = 0x8;
  public static final long PROTOCOL_41 = 0x200;
  public static final long SSL = 0x800;
  public static final long TRANSACTIONS = 0x2000;
  public static final long SECURE_CONNECTION = 0x8000;
  public static final long MULTI_RESULTS = 0x20000;
  public static final long PLUGIN_AUTH = 0x80000;
  public static final long CONNECT_ATTRS = 0x100000;
  public static final long PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x200000;
  public static final long DEPRECATE_EOF = 0x1000000;

  /**
   * What the fake FE advertises (0x003AA20F): the set validated against Connector/J 9.5 and the
   * MariaDB CLI. No SSL, COMPRESS, SESSION_TRACK or DEPRECATE_EOF, so result sets always end with a
   * classic EOF packet, as StarRocks sends them.
   */
  public static final long SERVER =
      LONG_PASSWORD
          | FOUND_ROWS
          | LONG_FLAG
          | CONNECT_WITH_DB
          | PROTOCOL_41
          | TRANSACTIONS
          | SECURE_CONNECTION
          | MULTI_RESULTS
          | PLUGIN_AUTH
          | CONNECT_ATTRS
          | PLUGIN_AUTH_LENENC_CLIENT_DATA;

  /**
   * Server status flag: another result follows (multi-statement queries; StarRocks sets it after
   * every statement but the last in {@code ConnectProcessor.executeQueryAttempt}).
   */
  public static final int STATUS_MORE_RESULTS_EXISTS = 0x0008;

  /** Server status flag: autocommit is on. */
  public static final int STATUS_AUTOCOMMIT = 0x0002;

  private Capabilities() {}
}
