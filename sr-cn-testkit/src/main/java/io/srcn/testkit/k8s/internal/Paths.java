package io.srcn.testkit.k8s.internal;

/**
 * Builds API paths. The only place in the mock that concatenates URL paths.
 *
 * <p>Stateless and thread-safe.
 */
public final class Paths {
  private Paths() {}

  /** {@code /api/v1} or {@code /apis/group/version}. */
  public static String groupVersion(String group, String version) {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** The collection path; namespace may be null for cluster-scoped or all-namespace requests. */
  public static String collection(String group, String version, String namespace, String plural) {
    String ns = namespace == null ? "" : "/namespaces/" + namespace;
    return groupVersion(group, version) + ns + "/" + plural;
  }

  /** The object path. */
  public static String object(
      String group, String version, String namespace, String plural, String name) {
    return collection(group, version, namespace, plural) + "/" + name;
  }

  /** The object path for a resource. */
  public static String object(ApiResource r, String namespace, String name) {
    return object(r.group(), r.version(), r.namespaced() ? namespace : null, r.plural(), name);
  }

  /** A subresource path for a resource. */
  public static String subresource(ApiResource r, String namespace, String name, String sub) {
    return object(r, namespace, name) + "/" + sub;
  }

  /** The collection path for a resource. */
  public static String collection(ApiResource r, String namespace) {
    return collection(r.group(), r.version(), r.namespaced() ? namespace : null, r.plural());
  }
}
