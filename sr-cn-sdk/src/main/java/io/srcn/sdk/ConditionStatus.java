package io.srcn.sdk;

import io.srcn.sdk.internal.Violations;

/**
 * The status of a {@link Condition}, as in Kubernetes: {@code True}, {@code False} or {@code
 * Unknown} (the SDK could not tell, e.g. because no FE answered).
 *
 * <p>Immutable and thread-safe.
 */
public enum ConditionStatus {
  /** The condition holds. */
  TRUE("True"),
  /** The condition does not hold. */
  FALSE("False"),
  /** The SDK cannot tell whether the condition holds. */
  UNKNOWN("Unknown");

  private final String kubernetesValue;

  ConditionStatus(String kubernetesValue) {
    this.kubernetesValue = kubernetesValue;
  }

  /** The Kubernetes spelling: {@code True}, {@code False} or {@code Unknown}. */
  public String kubernetesValue() {
    return kubernetesValue;
  }

  /**
   * The status with the given Kubernetes spelling.
   *
   * @throws IllegalArgumentException naming the value when it is none of {@code True}, {@code
   *     False}, {@code Unknown}
   */
  public static ConditionStatus fromKubernetesValue(String value) {
    for (ConditionStatus s : values()) {
      if (s.kubernetesValue.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        (value == null ? "null" : Violations.quote(value))
            + " is not a condition status (True, False or Unknown)");
  }
}
