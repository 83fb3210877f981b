package io.srcn.sdk.naming;

import java.util.List;

/**
 * Where things live inside the official {@code starrocks/cn-ubuntu} image, and the names the SDK
 * gives to the CN container, its ports and its volumes.
 *
 * <p>The official operator runs {@code /opt/starrocks/cn_entrypoint.sh <fe-service>}, which
 * registers the node with the FE by itself. The SDK registers nodes itself, so it starts the CN
 * with {@link #START_COMMAND} passed as the container's first argument (not as {@code command}):
 * 3.x images have no ENTRYPOINT, so the arguments are the command; 4.x images have {@code
 * ENTRYPOINT ["/usr/bin/tini-static", "--"]} ({@code docker/dockerfiles/be/be-ubuntu.Dockerfile}),
 * which stays in front as PID 1. {@code start_cn.sh} runs {@code start_backend.sh --cn}, which
 * {@code exec}s {@code starrocks_be} in the foreground unless {@code --daemon} is given ({@code
 * bin/start_cn.sh}, {@code bin/start_backend.sh}) and reads {@link #CONF_FILE}; {@code
 * /opt/starrocks/cn} is a symbolic link to {@code /opt/starrocks/be} in the image.
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
   * The preStop hook: {@code stop_cn.sh -g} sends SIGTERM and waits for the CN to exit ({@code
   * bin/stop_cn.sh}), so it can finish running work within the termination grace period. Used for
   * CN versions whose graceful exit drains (3.3.17, 3.4.6, 3.5.2 and later, 4.x, unknown).
   */
  public static final List<String> PRE_STOP_COMMAND = List.of(HOME + "/bin/stop_cn.sh", "-g");

  /**
   * The preStop hook for older patch levels of the 3.3, 3.4 and 3.5 lines: a plain {@code
   * stop_cn.sh} (SIGKILL), as the official operator does for them ({@code GetPreStopCommand}).
   */
  public static final List<String> PLAIN_STOP_COMMAND = List.of(HOME + "/bin/stop_cn.sh");

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

  private CnLayout() {}
}
