package io.srcn.sdk.fe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A validated {@code host:port} address: a DNS name, an IPv4 address or an IPv6 address (written
 * {@code [v6]:port}), and a port in 1..65535. Validation happens before any SQL is built, so no
 * input can change a statement: quotes, commas, semicolons, whitespace and comments are rejected.
 *
 * <p>{@link #host()} holds an IPv6 address without brackets, as the FE lists it in {@code SHOW
 * COMPUTE NODES}; {@link #toString()} adds them back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host a DNS name, IPv4 address or IPv6 address (without brackets)
 * @param port a port in 1..65535
 */
public record HostPort(String host, int port) {
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException naming the input when the host or port is invalid
   */
  public HostPort {
    if (host == null) {
      throw new IllegalArgumentException("host must not be null");
    }
    if (!isValidHost(host)) {
      throw new IllegalArgumentException(
          "invalid host '" + printable(host) + "': expected a DNS name, IPv4 or IPv6 address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "invalid port " + port + " for host '" + host + "': must be in 1..65535");
    }
  }

  /** Creates an address from a host and a port. */
  public static HostPort of(String host, int port) {
    return new HostPort(host, port);
  }

  /**
   * Parses {@code host:port}, {@code [v6]:port}, or (with a default port) a bare host.
   *
   * @throws IllegalArgumentException naming the input when it is not a valid address
   */
  public static HostPort parse(String input) {
    return parse(input, -1);
  }

  /**
   * Parses an address, using {@code defaultPort} when the input has none; a negative default port
   * makes the port mandatory.
   *
   * @throws IllegalArgumentException naming the input when it is not a valid address
   */
  public static HostPort parse(String input, int defaultPort) {
    if (input == null || input.isEmpty()) {
      throw new IllegalArgumentException("invalid address '': expected host:port");
    }
    String host;
    String port;
    if (input.startsWith("[")) {
      int close = input.indexOf(']');
      if (close < 0) {
        throw invalid(input, "missing ']' after an IPv6 address");
      }
      host = input.substring(1, close);
      String rest = input.substring(close + 1);
      if (rest.isEmpty()) {
        port = null;
      } else if (rest.startsWith(":")) {
        port = rest.substring(1);
      } else {
        throw invalid(input, "expected ':port' after ']'");
      }
      if (!isIpv6(host)) {
        throw invalid(input, "not an IPv6 address inside brackets");
      }
    } else {
      int colon = input.lastIndexOf(':');
      if (colon >= 0 && input.indexOf(':') != colon) {
        throw invalid(input, "an IPv6 address must be written in brackets, as [addr]:port");
      }
      host = colon < 0 ? input : input.substring(0, colon);
      port = colon < 0 ? null : input.substring(colon + 1);
    }
    int portNumber;
    if (port == null) {
      if (defaultPort < 0) {
        throw invalid(input, "a port is required");
      }
      portNumber = defaultPort;
    } else {
      portNumber = parsePort(input, port);
    }
    try {
      return new HostPort(host, portNumber);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e.getMessage());
    }
  }

  /** True when the host is an IP address (v4 or v6) rather than a DNS name. */
  public boolean isIpAddress() {
    // the host was validated on construction: a colon means IPv6, the dotted-quad shape IPv4
    return host.indexOf(':') >= 0 || hasIpv4Shape(host);
  }

  /** {@code host:port}, or {@code [host]:port} for IPv6; the form the FE accepts and prints. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private static int parsePort(String input, String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw invalid(input, "port '" + printable(port) + "' is not a number in 1..65535");
    }
    int value = Integer.parseInt(port);
    if (value < 1 || value > 65535) {
      throw invalid(input, "port " + value + " is not in 1..65535");
    }
    return value;
  }

  private static boolean isValidHost(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    if (host.indexOf(':') >= 0) {
      return isIpv6(host);
    }
    if (hasIpv4Shape(host)) {
      return isIpv4(host);
    }
    int start = 0;
    for (int i = 0; i <= host.length(); i++) {
      if (i == host.length() || host.charAt(i) == '.') {
        if (!isDnsLabel(host, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  // Hand-written scans, not regular expressions: every FE node listed is parsed into a HostPort,
  // 30,000 per listing at 10,000 groups (issue 19). Same language as the patterns
  // [0-9]+(\.[0-9]+){3} and [A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])? (HostPortTest compares).

  /** Four dot-separated runs of ASCII digits. */
  private static boolean hasIpv4Shape(String host) {
    int dots = 0;
    boolean digits = false;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && digits) {
        dots++;
        digits = false;
      } else {
        return false;
      }
    }
    return dots == 3 && digits;
  }

  /** {@code host[from, to)} is 1..63 ASCII letters, digits and inner hyphens. */
  private static boolean isDnsLabel(String host, int from, int to) {
    if (to - from < 1 || to - from > 63) {
      return false;
    }
    if (!isAsciiAlnum(host.charAt(from)) || !isAsciiAlnum(host.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = host.charAt(i);
      if (c != '-' && !isAsciiAlnum(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Four decimal octets 0..255 without leading zeros (which some parsers read as octal). */
  private static boolean isIpv4(String host) {
    for (String octet : host.split("\\.", -1)) {
      if (octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')) {
        return false;
      }
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String host) {
    return IPV6_CHARS.matcher(host).matches() && host.indexOf(':') >= 0 && isIpv6Literal(host);
  }

  /**
   * Parses an IPv6 literal with the JDK without any lookup: in brackets, {@link
   * InetAddress#getByName} accepts only a literal and throws at once for anything else.
   */
  private static boolean isIpv6Literal(String host) {
    try {
      InetAddress.getByName("[" + host + "]");
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static IllegalArgumentException invalid(String input, String why) {
    return new IllegalArgumentException("invalid address '" + printable(input) + "': " + why);
  }

  /** Makes control characters visible so a hostile input cannot forge log lines. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return s.length() > 80 ? sb.append("...").toString() : sb.toString();
  }
}
