package io.srcn.sdk;

/**
 * Which scaling rule the HorizontalPodAutoscaler follows when several apply in one direction, or
 * whether that direction is disabled ({@code selectPolicy} of a Kubernetes HPA behavior).
 *
 * <p>Thread-safe (an enum).
 */
public enum SelectPolicy {
  /** The rule allowing the largest change (Kubernetes {@code Max}). The default. */
  MAX("Max"),
  /** The rule allowing the smallest change (Kubernetes {@code Min}). */
  MIN("Min"),
  /** No scaling in this direction (Kubernetes {@code Disabled}). */
  DISABLED("Disabled");

  private final String kubernetesName;

  SelectPolicy(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The spelling in a Kubernetes HPA: {@code Max}, {@code Min} or {@code Disabled}. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
