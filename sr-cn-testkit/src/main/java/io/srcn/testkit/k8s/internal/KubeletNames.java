package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;

/**
 * Names shared by the dispatcher and the simulated kubelet.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubeletNames {
  /** The node every simulated pod runs on. */
  public static final String NODE = "srcn-mock-node";

  /** The node's IP (data only). */
  public static final String HOST_IP = "10.0.0.1";

  private KubeletNames() {}

  /** Whether a pod is run by the simulated kubelet (so its deletion is graceful). */
  public static boolean runsOnMockNode(JsonNode pod) {
    return NODE.equals(Json.text(pod, "spec", "nodeName"));
  }
}
