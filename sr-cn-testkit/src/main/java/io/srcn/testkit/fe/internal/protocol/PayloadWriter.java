package io.srcn.testkit.fe.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one packet payload from the MySQL basic data types into a growable buffer that is reused
 * across packets ({@link #reset()}), so serving a result set allocates almost nothing.
 *
 * <p>Not thread-safe; one writer per connection.
 */
public final class PayloadWriter {
  private byte[] buf;
  private int len;

  /** A writer with an initial capacity of {@code capacity} bytes. */
  public PayloadWriter(int capacity) {
    this.buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer (keeps its capacity) and returns this writer. */
  public PayloadWriter reset() {
    len = 0;
    return this;
  }

  /** The number of bytes written. */
  public int length() {
    return len;
  }

  /** The backing array; valid up to {@link #length()}. */
  public byte[] array() {
    return buf;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Appends {@code int<1>}. */
  public PayloadWriter int1(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  /** Appends {@code int<2>}, little-endian. */
  public PayloadWriter int2(int v) {
    ensure(2);
    buf[len++] = (byte) v;
    buf[len++] = (byte) (v >>> 8);
    return this;
  }

  /** Appends {@code int<3>}, little-endian. */
  public PayloadWriter int3(int v) {
    ensure(3);
    buf[len++] = (byte) v;
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) (v >>> 16);
    return this;
  }

  /** Appends {@code int<4>}, little-endian. */
  public PayloadWriter int4(long v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends {@code int<8>}, little-endian. */
  public PayloadWriter int8(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends a length-encoded integer (non-negative). */
  public PayloadWriter lenencInt(long v) {
    if (v < 0xFB) {
      return int1((int) v);
    } else if (v < 0x10000) {
      return int1(0xFC).int2((int) v);
    } else if (v < 0x1000000) {
      return int1(0xFD).int3((int) v);
    }
    return int1(0xFE).int8(v);
  }

  /** Appends a length-encoded string (UTF-8), or {@code 0xFB} (NULL in a text row) for null. */
  public PayloadWriter lenencString(String s) {
    if (s == null) {
      return int1(0xFB);
    }
    if (isAscii(s)) {
      int n = s.length();
      lenencInt(n);
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i); // ASCII fast path: one byte per char
      }
      return this;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    lenencInt(b.length);
    return bytes(b);
  }

  /** Appends a NUL-terminated string (UTF-8). */
  public PayloadWriter nulString(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8)).int1(0);
  }

  /** Appends a string without terminator (UTF-8), e.g. the rest-of-packet message of ERR. */
  public PayloadWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends raw bytes. */
  public PayloadWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** Appends {@code n} zero bytes. */
  public PayloadWriter zeros(int n) {
    ensure(n);
    Arrays.fill(buf, len, len + n, (byte) 0);
    len += n;
    return this;
  }

  private static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) len + extra);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("payload too large: " + wanted + " bytes");
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }
}
