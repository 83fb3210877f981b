package io.srcn.testkit.fe.internal.protocol;

/**
 * COM_CHANGE_USER (page_protocol_com_change_user.html): user, auth response, database, then
 * optionally the character set, the auth plugin name and connection attributes (ignored). Assumes
 * PROTOCOL_41 and SECURE_CONNECTION, which the fake FE requires of every client.
 *
 * @param user the new user
 * @param authResponse the scrambled password (empty for none)
 * @param database the database to switch to, or null when empty
 * @param plugin the auth plugin the client used, or null when not sent
 */
public record ChangeUserRequest(String user, byte[] authResponse, String database, String plugin) {

  /**
   * Parses the payload, command byte included.
   *
   * @throws MalformedPacketException when the packet is truncated
   */
  public static ChangeUserRequest parse(byte[] payload) throws MalformedPacketException {
    PayloadReader in = new PayloadReader(payload);
    in.skip(1);
    String user = in.nulString();
    byte[] auth = in.bytes(in.int1());
    String database = in.hasRemaining() ? in.nulOrRestString() : "";
    String plugin = null;
    if (in.remaining() >= 2) {
      in.int2(); // character set
      if (in.hasRemaining()) {
        plugin = in.nulOrRestString();
      }
    }
    return new ChangeUserRequest(user, auth, database.isEmpty() ? null : database, plugin);
  }

  @Override
  public String toString() {
    return "ChangeUserRequest[user=" + user + ", database=" + database + ", plugin=" + plugin + "]";
  }
}
