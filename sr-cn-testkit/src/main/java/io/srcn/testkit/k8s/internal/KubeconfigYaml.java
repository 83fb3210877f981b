package io.srcn.testkit.k8s.internal;

/**
 * The kubeconfig of a mock API server (no credentials: the server does not authenticate).
 *
 * <p>Stateless and thread-safe.
 */
public final class KubeconfigYaml {
  private KubeconfigYaml() {}

  /** A kubeconfig with one cluster, user and context named {@code srcn-mock}. */
  public static String of(String serverUrl) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: srcn-mock",
        "  cluster:",
        "    server: " + serverUrl,
        "contexts:",
        "- name: srcn-mock",
        "  context:",
        "    cluster: srcn-mock",
        "    namespace: default",
        "    user: srcn-mock",
        "current-context: srcn-mock",
        "preferences: {}",
        "users:",
        "- name: srcn-mock",
        "  user: {}",
        "");
  }
}
