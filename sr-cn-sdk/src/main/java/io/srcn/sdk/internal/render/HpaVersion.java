package io.srcn.sdk.internal.render;

/**
 * The HorizontalPodAutoscaler API version to render. {@link #V2} unless API discovery shows that
 * the cluster does not serve {@code autoscaling/v2} (Kubernetes before 1.23); never chosen by
 * parsing the server's version string (StarRocks operator issue #420).
 */
public enum HpaVersion {
  /** {@code autoscaling/v2}, served since Kubernetes 1.23. */
  V2("autoscaling/v2"),
  /** {@code autoscaling/v2beta2}, removed in Kubernetes 1.26. */
  V2BETA2("autoscaling/v2beta2");

  private final String apiVersion;

  HpaVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /** The apiVersion string, e.g. {@code autoscaling/v2}. */
  public String apiVersion() {
    return apiVersion;
  }
}
