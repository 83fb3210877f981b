package io.srcn.sdk.internal.render;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Ports;
import io.srcn.sdk.internal.StorageEntries;
import io.srcn.sdk.naming.CnLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@code cn.conf}: the spec's entries, the ports and the storage entries, one {@code key =
 * value} line each, sorted by key, so the same spec always gives the same bytes (and the same
 * hash).
 *
 * <p>The ports are written from the spec so that the container ports, the Service port and the
 * address the SDK registers with the FE agree with what the CN listens on. Only the canonical key
 * of each port is written: {@code be_port}, {@code be_http_port}, {@code heartbeat_service_port},
 * {@code brpc_port} (all declared in {@code be/src/common/config.h} of every line from 3.3 to 4.x).
 * {@code thrift_port} is the deprecated alias of {@code be_port}: a CN that reads it logs
 * "'thrift_port' is deprecated, please update be.conf to use 'be_port' instead!" ({@code
 * be/src/service/service_be/starrocks_be.cpp}); {@code webserver_port} is the alias of {@code
 * be_http_port}. The spec may set neither (see {@code SpecDefaults.PORT_CONFIG_KEYS}).
 *
 * <p>The storage entries ({@code storage_root_path}, {@code spill_local_storage_dir}, {@code
 * sys_log_dir}, ...) come from the volumes' purposes and the log output ({@link StorageEntries}).
 *
 * <p>Stateless and thread-safe.
 */
public final class CnConf {
  private static final String HEADER =
      "# cn.conf rendered by sr-cn-sdk from the group's spec; changes here are overwritten.\n";

  private CnConf() {}

  /** The cn.conf text of the spec. */
  public static String render(ComputeNodeGroupSpec spec) {
    Map<String, String> all = new TreeMap<>(spec.config());
    all.putAll(StorageEntries.of(spec));
    all.putAll(portEntries(spec.ports()));
    StringBuilder sb = new StringBuilder(HEADER);
    all.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  /** The port entries written into cn.conf: one canonical key per port. */
  public static Map<String, String> portEntries(Ports ports) {
    Map<String, String> m = new TreeMap<>();
    m.put("heartbeat_service_port", Integer.toString(ports.heartbeat()));
    m.put("be_port", Integer.toString(ports.thrift()));
    m.put("be_http_port", Integer.toString(ports.webserver()));
    m.put("brpc_port", Integer.toString(ports.brpc()));
    return m;
  }

  /**
   * Hex SHA-256 of the ConfigMap's files (cn.conf and the extra ones, by name); the pod template
   * annotation that rolls the pods on a change.
   */
  public static String hash(Map<String, String> files) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(files)
        .forEach((name, text) -> sb.append(name).append('\0').append(text).append('\0'));
    return sha256Hex(sb.toString());
  }

  /** The ConfigMap's files: cn.conf and the spec's extra configuration files. */
  public static Map<String, String> files(ComputeNodeGroupSpec spec, String cnConf) {
    Map<String, String> files = new TreeMap<>(spec.configFiles());
    files.put(CnLayout.CONF_KEY, cnConf);
    return files;
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
