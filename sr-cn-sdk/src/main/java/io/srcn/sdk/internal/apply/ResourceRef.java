package io.srcn.sdk.internal.apply;

/**
 * One Kubernetes object of a group, as RBAC and error messages name it.
 *
 * @param kind the kind, e.g. {@code StatefulSet}
 * @param apiGroup the API group ({@code ""} for core)
 * @param resource the plural resource name RBAC rules use, e.g. {@code statefulsets}
 * @param namespace the namespace
 * @param name the object name
 */
public record ResourceRef(
    String kind, String apiGroup, String resource, String namespace, String name) {
  /** {@code statefulsets.apps} or {@code configmaps} for the core group. */
  public String qualifiedResource() {
    return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
  }
}
