package io.srcn.sdk.naming;

import java.util.List;

/**
 * Where things live inside the official {@code starrocks/cn-ubuntu} image, and the names the SDK
 * gives to the CN container, its ports and its volumes.
 *
 * <p>The image ships no {@code ENTRYPOINT}; the official operator runs {@code
 * /opt/starrocks/cn_entrypoint.sh <fe-service>}, which registers the node with the FE by itself
 * (and, in old images, drops it on exit). The SDK registers nodes itself, so it starts the CN
 * directly with {@link #START_COMMAND}: {@code /opt/starrocks/cn/bin/start_cn.sh} runs {@code
 * starrocks_be --cn} in the foreground (no {@code --daemon}) and reads {@link #CONF_FILE}; {@code
 * /opt/starrocks/cn} is a symbolic link to {@code /opt/starrocks/be} in the image. Logs go to
 * {@code /opt/starrocks/cn/log}; pass {@code args("--logconsole")} to send them to the container
 * output instead.
 *
 * <p>Stateless and thread-safe.
 */
public final class CnLayout {
  /** Name of the CN container. */
  public static final String CONTAINER = "cn";

  /** The CN home inside the image. */
  public static final String HOME = SpecDefaults.CN_HOME;

  /** Where the CN reads its configuration; the ConfigMap key is mounted there. */
  public static final String CONF_FILE = SpecDefaults.CONFIG_DIR + "/cn.conf";

  /** The ConfigMap key holding cn.conf. */
  public static final String CONF_KEY = "cn.conf";

  /** The volume holding cn.conf. */
  public static final String CONFIG_VOLUME = "cn-config";

  /** The default start command: the CN in the foreground, without self-registration. */
  public static final List<String> START_COMMAND = List.of(HOME + "/bin/start_cn.sh");

  /**
   * The preStop hook: {@code stop_cn.sh -g} sends SIGTERM and waits for the CN to exit, so it can
   * finish running work within the termination grace period. Graceful exit exists in CN images
   * 3.3.17, 3.4.6, 3.5.2 and later; the official operator leaves {@code -g} out for older tags
   * (operator PR #690). The SDK always passes it.
   */
  public static final List<String> PRE_STOP_COMMAND = List.of(HOME + "/bin/stop_cn.sh", "-g");

  /** The health endpoint of the CN web server, used by all three probes. */
  public static final String HEALTH_PATH = "/api/health";

  /** Probe period, as the official operator uses. */
  public static final int PROBE_PERIOD_SECONDS = 5;

  /** Port names (IANA_SVC_NAME, at most 15 characters). */
  public static final String PORT_HEARTBEAT = "heartbeat";

  /** Thrift (be_port) port name. */
  public static final String PORT_THRIFT = "thrift";

  /** Web server (be_http_port) port name. */
  public static final String PORT_WEBSERVER = "webserver";

  /** bRPC port name. */
  public static final String PORT_BRPC = "brpc";

  /** Env vars the SDK sets on the container (reserved in the spec). */
  public static final String ENV_POD_NAME = "POD_NAME";

  /** Pod IP env var. */
  public static final String ENV_POD_IP = "POD_IP";

  /** Pod namespace env var. */
  public static final String ENV_POD_NAMESPACE = "POD_NAMESPACE";

  /** {@code FQDN} or {@code IP}: how the node is addressed (as the image scripts expect). */
  public static final String ENV_HOST_TYPE = "HOST_TYPE";

  private CnLayout() {}
}
