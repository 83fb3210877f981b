package io.srcn.testkit.fe.internal.state;

import io.srcn.testkit.fe.FeVersion;

/**
 * Parses the {@code 'host:port'} literals of ALTER SYSTEM as the FE does: all whitespace removed,
 * {@code [v6]:port} in brackets, otherwise split at the last colon (newest FE) or on the only colon
 * (older FEs), port 1..65535.
 *
 * <p>Thread-safe (stateless).
 */
public final class AddressParser {
  private AddressParser() {}

  /**
   * Parses one literal.
   *
   * @throws FeError with the profile's "host or port is wrong" text
   */
  public static NodeAddress parse(String literal, Profile profile) throws FeError {
    String s = stripWhitespace(literal);
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf("]:");
      if (close < 0) {
        throw profile.badAddress(s, "Invalid host port: " + s);
      }
      host = s.substring(1, close);
      port = s.substring(close + 2);
    } else {
      int colon = profile.version() == FeVersion.LATEST ? s.lastIndexOf(':') : s.indexOf(':');
      if (colon < 0 || (profile.version() != FeVersion.LATEST && s.indexOf(':', colon + 1) >= 0)) {
        throw profile.badAddress(s, "Invalid host port: " + s);
      }
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw profile.badAddress(s, "Invalid host port: " + s);
    }
    return new NodeAddress(host, parsePort(s, port, profile));
  }

  private static int parsePort(String input, String port, Profile profile) throws FeError {
    int value;
    try {
      value = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw profile.badAddress(
          input, "Encounter unknown exception: For input string: \"" + port + "\"");
    }
    if (value < 1 || value > 65535) {
      throw profile.badAddress(
          input, "Encounter unknown exception: Port is out of range: " + value);
    }
    return value;
  }

  private static String stripWhitespace(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
