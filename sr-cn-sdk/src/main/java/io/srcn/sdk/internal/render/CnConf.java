package io.srcn.sdk.internal.render;

import io.srcn.sdk.Ports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@code cn.conf}: the spec's entries plus the ports, one {@code key = value} line each,
 * sorted by key, so the same spec always gives the same bytes (and the same hash).
 *
 * <p>The ports are written from the spec so that the container ports, the Service port and the
 * address the SDK registers with the FE agree with what the CN listens on. Both the current key and
 * its legacy alias are written ({@code thrift_port}/{@code be_port}, {@code webserver_port}/{@code
 * be_http_port}): older images read only the legacy names, newer ones treat them as aliases.
 *
 * <p>Stateless and thread-safe.
 */
public final class CnConf {
  private static final String HEADER =
      "# cn.conf rendered by sr-cn-sdk from the group's spec; changes here are overwritten.\n";

  private CnConf() {}

  /** The cn.conf text for these entries and ports. */
  public static String render(Map<String, String> config, Ports ports) {
    Map<String, String> all = new TreeMap<>(config);
    all.putAll(portEntries(ports));
    StringBuilder sb = new StringBuilder(HEADER);
    all.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  /** The port entries written into cn.conf. */
  public static Map<String, String> portEntries(Ports ports) {
    Map<String, String> m = new TreeMap<>();
    m.put("heartbeat_service_port", Integer.toString(ports.heartbeat()));
    m.put("thrift_port", Integer.toString(ports.thrift()));
    m.put("be_port", Integer.toString(ports.thrift()));
    m.put("webserver_port", Integer.toString(ports.webserver()));
    m.put("be_http_port", Integer.toString(ports.webserver()));
    m.put("brpc_port", Integer.toString(ports.brpc()));
    return m;
  }

  /** Hex SHA-256 of the text; the pod template annotation that rolls pods on a change. */
  public static String hash(String text) {
    return sha256Hex(text);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "SHA-256 is missing from this JVM (every Java SE JVM has it)", e);
    }
  }
}
