package io.srcn.sdk.naming;

import java.util.Set;

/**
 * Constants of the spec shared with the renderer: where the CN lives in the container, the cn.conf
 * keys and environment variables the SDK sets itself, and the reserved annotation prefix.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecDefaults {
  /** The CN's home directory in the official images. */
  public static final String CN_HOME = "/opt/starrocks/cn";

  /** The directory holding cn.conf; no storage volume may be mounted there. */
  public static final String CONFIG_DIR = CN_HOME + "/conf";

  /**
   * cn.conf keys of ports: the canonical ones the SDK writes from the spec's {@code ports()}, and
   * their aliases ({@code thrift_port}, {@code webserver_port}), reserved so no port has two keys.
   */
  public static final Set<String> PORT_CONFIG_KEYS =
      Set.of(
          "heartbeat_service_port",
          "thrift_port",
          "be_port",
          "webserver_port",
          "be_http_port",
          "brpc_port");

  /** Environment variables the SDK injects into the CN container. */
  public static final Set<String> RESERVED_ENV = Set.of("POD_NAME", "POD_IP", "POD_NAMESPACE");

  /** Annotation keys with this prefix belong to the SDK. */
  public static final String RESERVED_ANNOTATION_PREFIX = "srcn.io/";

  /** Pod volume names the renderer uses itself (the cn.conf ConfigMap and the log emptyDir). */
  public static final Set<String> RESERVED_VOLUME_NAMES = Set.of("cn-config", "cn-logs");

  /** The image pull policies Kubernetes knows. */
  public static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

  private SpecDefaults() {}

  /**
   * Why a volume may not be mounted at {@code path}, or null when it may: not over the CN
   * installation (or a parent of it), and not on or inside the cn.conf directory.
   */
  public static String mountPathConflict(String path) {
    if (CN_HOME.equals(path) || CN_HOME.startsWith(path + "/")) {
      return "would hide the CN installation at " + CN_HOME;
    }
    if (CONFIG_DIR.equals(path) || path.startsWith(CONFIG_DIR + "/")) {
      return "is where the SDK mounts cn.conf (" + CONFIG_DIR + "/cn.conf)";
    }
    return null;
  }

  /** The mount path of a storage volume without an explicit one: {@code CN_HOME/<name>}. */
  public static String defaultMountPath(String volumeName) {
    return CN_HOME + "/" + volumeName;
  }
}
