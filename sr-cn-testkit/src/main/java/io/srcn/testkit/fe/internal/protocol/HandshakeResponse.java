package io.srcn.testkit.fe.internal.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed HandshakeResponse41 (or an SSLRequest, which is its 32-byte prefix with {@code
 * CLIENT_SSL} set). Optional fields are read according to the capabilities both sides share, never
 * to the client's bits alone: the MariaDB client sets flags the server did not offer.
 *
 * @param capabilities the client's capability flags as sent
 * @param maxPacket the client's maximum packet size
 * @param collation the client's collation id
 * @param sslRequest true when this is an SSLRequest (no user, no auth data)
 * @param user the user name
 * @param authResponse the auth response bytes (empty for an empty password)
 * @param database the initial database, or null
 * @param plugin the client's auth plugin, or null when not sent
 * @param attributes the connection attributes, in the order sent
 */
public record HandshakeResponse(
    long capabilities,
    long maxPacket,
    int collation,
    boolean sslRequest,
    String user,
    byte[] authResponse,
    String database,
    String plugin,
    Map<String, String> attributes) {

  private static final int SSL_REQUEST_LENGTH = 32;

  /**
   * Parses a HandshakeResponse41 payload.
   *
   * @throws MalformedPacketException when it is truncated or uses the pre-4.1 protocol
   */
  public static HandshakeResponse parse(byte[] payload) throws MalformedPacketException {
    PayloadReader r = new PayloadReader(payload);
    long caps = r.int4();
    if ((caps & Capabilities.PROTOCOL_41) == 0) {
      throw new MalformedPacketException("client does not speak protocol 4.1");
    }
    long maxPacket = r.int4();
    int collation = r.int1();
    r.skip(23);
    if (payload.length == SSL_REQUEST_LENGTH && (caps & Capabilities.SSL) != 0) {
      return new HandshakeResponse(
          caps, maxPacket, collation, true, "", new byte[0], null, null, Map.of());
    }
    long shared = caps & Capabilities.SERVER;
    String user = r.nulString();
    byte[] auth = readAuth(r, shared);
    String db =
        (shared & Capabilities.CONNECT_WITH_DB) != 0 && r.hasRemaining()
            ? r.nulOrRestString()
            : null;
    String plugin =
        (shared & Capabilities.PLUGIN_AUTH) != 0 && r.hasRemaining() ? r.nulOrRestString() : null;
    Map<String, String> attrs =
        (shared & Capabilities.CONNECT_ATTRS) != 0 && r.hasRemaining()
            ? readAttributes(r)
            : Map.of();
    return new HandshakeResponse(
        caps,
        maxPacket,
        collation,
        false,
        user,
        auth,
        db == null || db.isEmpty() ? null : db,
        plugin,
        attrs);
  }

  private static byte[] readAuth(PayloadReader r, long shared) throws MalformedPacketException {
    if ((shared & Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
      return r.lenencBytes();
    }
    if ((shared & Capabilities.SECURE_CONNECTION) != 0) {
      return r.bytes(r.int1());
    }
    return r.nulString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Map<String, String> readAttributes(PayloadReader r)
      throws MalformedPacketException {
    long total = r.lenencInt();
    if (total > r.remaining()) {
      throw new MalformedPacketException("connection attributes longer than the packet");
    }
    int end = r.remaining() - (int) total;
    Map<String, String> attrs = new LinkedHashMap<>();
    while (r.remaining() > end) {
      attrs.put(r.lenencString(), r.lenencString());
    }
    return Collections.unmodifiableMap(attrs);
  }

  /** Never prints the auth response. */
  @Override
  public String toString() {
    return "HandshakeResponse[user="
        + user
        + ", database="
        + database
        + ", plugin="
        + plugin
        + ", capabilities=0x"
        + Long.toHexString(capabilities)
        + "]";
  }
}
