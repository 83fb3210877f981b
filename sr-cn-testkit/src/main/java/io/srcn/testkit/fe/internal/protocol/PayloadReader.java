package io.srcn.testkit.fe.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads the MySQL basic data types (fixed-length little-endian integers, length-encoded integers
 * and strings, NUL-terminated strings) from one packet payload. Every read checks the bounds and
 * throws {@link MalformedPacketException} on a truncated payload.
 *
 * <p>Not thread-safe; one reader per payload.
 */
public final class PayloadReader {
  private final byte[] data;
  private int pos;

  /** Reads {@code data} from the start. */
  public PayloadReader(byte[] data) {
    this.data = data;
  }

  /** Bytes left to read. */
  public int remaining() {
    return data.length - pos;
  }

  /** True when at least one byte is left. */
  public boolean hasRemaining() {
    return pos < data.length;
  }

  /** {@code int<1>}. */
  public int int1() throws MalformedPacketException {
    need(1, "int<1>");
    return data[pos++] & 0xFF;
  }

  /** {@code int<2>}, little-endian. */
  public int int2() throws MalformedPacketException {
    need(2, "int<2>");
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  /** {@code int<3>}, little-endian. */
  public int int3() throws MalformedPacketException {
    need(3, "int<3>");
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16;
    pos += 3;
    return v;
  }

  /** {@code int<4>}, little-endian. */
  public long int4() throws MalformedPacketException {
    need(4, "int<4>");
    long v = 0;
    for (int i = 3; i >= 0; i--) {
      v = v << 8 | (data[pos + i] & 0xFF);
    }
    pos += 4;
    return v;
  }

  /** {@code int<8>}, little-endian. */
  public long int8() throws MalformedPacketException {
    need(8, "int<8>");
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (data[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  /** A length-encoded integer; {@code 0xFB} (NULL) and {@code 0xFF} are rejected. */
  public long lenencInt() throws MalformedPacketException {
    int first = int1();
    if (first < 0xFB) {
      return first;
    }
    switch (first) {
      case 0xFC:
        return int2();
      case 0xFD:
        return int3();
      case 0xFE:
        return int8();
      default:
        throw new MalformedPacketException("invalid length-encoded integer prefix 0x" + hex(first));
    }
  }

  /** A length-encoded string's bytes. */
  public byte[] lenencBytes() throws MalformedPacketException {
    long len = lenencInt();
    if (len > remaining()) {
      throw new MalformedPacketException(
          "length-encoded string of " + len + " bytes but only " + remaining() + " left");
    }
    return bytes((int) len);
  }

  /** A length-encoded string, decoded as UTF-8. */
  public String lenencString() throws MalformedPacketException {
    return new String(lenencBytes(), StandardCharsets.UTF_8);
  }

  /** A NUL-terminated string, decoded as UTF-8; the NUL is consumed. */
  public String nulString() throws MalformedPacketException {
    int end = pos;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    if (end == data.length) {
      throw new MalformedPacketException("NUL-terminated string without NUL");
    }
    String s = new String(data, pos, end - pos, StandardCharsets.UTF_8);
    pos = end + 1;
    return s;
  }

  /** A NUL-terminated string, or the rest of the payload when it has no NUL (lenient form). */
  public String nulOrRestString() {
    int end = pos;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    String s = new String(data, pos, end - pos, StandardCharsets.UTF_8);
    pos = Math.min(end + 1, data.length);
    return s;
  }

  /** {@code n} raw bytes. */
  public byte[] bytes(int n) throws MalformedPacketException {
    need(n, n + " bytes");
    byte[] out = new byte[n];
    System.arraycopy(data, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) throws MalformedPacketException {
    need(n, "skip " + n);
    pos += n;
  }

  /** The rest of the payload as UTF-8 text. */
  public String restString() {
    String s = new String(data, pos, data.length - pos, StandardCharsets.UTF_8);
    pos = data.length;
    return s;
  }

  private void need(int n, String what) throws MalformedPacketException {
    if (n < 0 || data.length - pos < n) {
      throw new MalformedPacketException(
          "truncated packet: needed " + what + " at offset " + pos + " of " + data.length);
    }
  }

  private static String hex(int b) {
    return Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT);
  }
}
