package io.srcn.testkit.k8s.internal;

import java.util.List;

/**
 * One resource type the mock API server serves: its group/version, plural, kind, scope and
 * subresources.
 *
 * @param group API group, {@code ""} for the core group
 * @param version API version
 * @param plural resource name in URLs
 * @param kind object kind
 * @param namespaced whether objects live in a namespace
 * @param hasStatus whether a {@code /status} subresource exists (status is then ignored on the main
 *     resource, as the real API server does)
 * @param hasScale whether a {@code /scale} subresource exists
 * @param shortNames kubectl short names
 */
public record ApiResource(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    boolean hasStatus,
    boolean hasScale,
    List<String> shortNames) {

  /** {@code group/version}, or just the version for the core group. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code plural.group} as the real server names resources in messages. */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
