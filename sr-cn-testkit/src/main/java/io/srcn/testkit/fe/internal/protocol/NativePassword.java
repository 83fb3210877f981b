package io.srcn.testkit.fe.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * {@code mysql_native_password}: the 20-byte scramble, the stored hash {@code SHA1(SHA1(pw))} and
 * the server-side check {@code SHA1(resp XOR SHA1(scramble || stored)) == stored}. Plain passwords
 * are never kept; only the stored hash is.
 *
 * <p>Thread-safe (stateless).
 */
public final class NativePassword {
  /** Length of the scramble and of a non-empty auth response. */
  public static final int SCRAMBLE_LENGTH = 20;

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private NativePassword() {}

  /**
   * A fresh 20-byte scramble of ASCII letters: StarRocks sends letters only, and Connector/J reads
   * the seed as a string, so 8-bit bytes would break its password check.
   */
  public static byte[] scramble() {
    byte[] s = new byte[SCRAMBLE_LENGTH];
    RANDOM.nextBytes(s);
    for (int i = 0; i < s.length; i++) {
      s[i] = (byte) LETTERS.charAt((s[i] & 0xFF) % LETTERS.length());
    }
    return s;
  }

  /** The stored form of a password: {@code SHA1(SHA1(pw))}, or empty for an empty password. */
  public static byte[] storedHash(String password) {
    if (password.isEmpty()) {
      return new byte[0];
    }
    return sha1(sha1(password.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * True when {@code response} proves knowledge of the password whose stored hash is {@code
   * stored}. An empty password matches only an empty response.
   */
  public static boolean verify(byte[] scramble, byte[] stored, byte[] response) {
    if (stored.length == 0 || response.length == 0) {
      return stored.length == 0 && response.length == 0;
    }
    if (response.length != SCRAMBLE_LENGTH) {
      return false;
    }
    byte[] mask = sha1(scramble, stored);
    byte[] candidate = new byte[SCRAMBLE_LENGTH];
    for (int i = 0; i < SCRAMBLE_LENGTH; i++) {
      candidate[i] = (byte) (response[i] ^ mask[i]);
    }
    return MessageDigest.isEqual(sha1(candidate), stored);
  }

  /** True when a {@code mysql_clear_password} response (the password, maybe NUL-ended) matches. */
  public static boolean verifyClear(byte[] stored, byte[] response) {
    int len = response.length;
    if (len > 0 && response[len - 1] == 0) {
      len--;
    }
    String password = new String(response, 0, len, StandardCharsets.UTF_8);
    return MessageDigest.isEqual(storedHash(password), stored);
  }

  /** The client side of the algorithm (used by tests): the 20-byte response for a password. */
  public static byte[] clientResponse(byte[] scramble, String password) {
    if (password.isEmpty()) {
      return new byte[0];
    }
    byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
    byte[] mask = sha1(scramble, sha1(stage1));
    byte[] out = new byte[SCRAMBLE_LENGTH];
    for (int i = 0; i < SCRAMBLE_LENGTH; i++) {
      out[i] = (byte) (stage1[i] ^ mask[i]);
    }
    return out;
  }

  private static byte[] sha1(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available in this JVM", e);
    }
  }
}
