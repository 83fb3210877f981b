package io.srcn.testkit.fe.internal.protocol;

import java.util.Arrays;

/**
 * The server side of the connection phase's packets: HandshakeV10 and AuthSwitchRequest.
 *
 * <p>Thread-safe (stateless).
 */
public final class Handshake {
  /** The only authentication plugin the fake FE verifies natively. */
  public static final String NATIVE_PLUGIN = "mysql_native_password";

  /** A plugin StarRocks also accepts: the password in clear text. */
  public static final String CLEAR_PLUGIN = "mysql_clear_password";

  private Handshake() {}

  /**
   * HandshakeV10: protocol 10, version, connection id, the 20-byte scramble in two parts, the
   * server capabilities, charset utf8_general_ci, status AUTOCOMMIT and the native plugin.
   */
  public static PayloadWriter v10(
      PayloadWriter w, String serverVersion, long connectionId, byte[] scramble) {
    long caps = Capabilities.SERVER;
    w.reset().int1(0x0A).nulString(serverVersion).int4(connectionId);
    w.bytes(Arrays.copyOfRange(scramble, 0, 8)).int1(0);
    w.int2((int) (caps & 0xFFFF));
    w.int1(Packets.CHARSET_UTF8_GENERAL_CI);
    w.int2(Capabilities.STATUS_AUTOCOMMIT);
    w.int2((int) (caps >>> 16));
    w.int1(scramble.length + 1);
    w.zeros(10);
    w.bytes(Arrays.copyOfRange(scramble, 8, scramble.length)).int1(0);
    return w.nulString(NATIVE_PLUGIN);
  }

  /** AuthSwitchRequest to {@code mysql_native_password} with the given scramble. */
  public static PayloadWriter authSwitch(PayloadWriter w, byte[] scramble) {
    return w.reset().int1(0xFE).nulString(NATIVE_PLUGIN).bytes(scramble).int1(0);
  }
}
