package io.srcn.sdk.naming;

import java.util.Map;

/**
 * The labels and annotation keys of a CN group's objects, from one place.
 *
 * <p>Stateless and thread-safe.
 */
public final class Labels {
  /** {@code app.kubernetes.io/name}. */
  public static final String NAME = "app.kubernetes.io/name";

  /** {@code app.kubernetes.io/instance}: the group name. */
  public static final String INSTANCE = "app.kubernetes.io/instance";

  /** {@code app.kubernetes.io/component}. */
  public static final String COMPONENT = "app.kubernetes.io/component";

  /** {@code app.kubernetes.io/managed-by}. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Value of {@link #NAME}. */
  public static final String NAME_VALUE = "starrocks-cn";

  /** Value of {@link #COMPONENT}. */
  public static final String COMPONENT_VALUE = "cn";

  /** Value of {@link #MANAGED_BY}; also the server-side apply field manager. */
  public static final String MANAGED_BY_VALUE = "sr-cn-sdk";

  /** Annotation on the StatefulSet holding the canonical JSON of the spec (never a password). */
  public static final String SPEC_ANNOTATION = "srcn.io/spec";

  /** Pod template annotation: hash of cn.conf, so a config change rolls the pods. */
  public static final String CONFIG_HASH_ANNOTATION = "srcn.io/config-hash";

  /**
   * Annotation on every applied object: SHA-256 of the object as the SDK last applied it. A
   * re-apply whose rendering has the same hash, and whose fields are all in place on the live
   * object, writes nothing.
   */
  public static final String APPLIED_HASH_ANNOTATION = "srcn.io/applied-hash";

  /** StatefulSet annotation: the group is suspended (or being deleted); the SDK adds no nodes. */
  public static final String SUSPENDED_ANNOTATION = "srcn.io/suspended";

  /**
   * True when a StatefulSet's annotations carry the suspended mark ({@link #SUSPENDED_ANNOTATION}
   * set to {@code true}); {@code annotations} may be null.
   */
  public static boolean isSuspended(Map<String, String> annotations) {
    return annotations != null && "true".equals(annotations.get(SUSPENDED_ANNOTATION));
  }

  /** StatefulSet annotation: the replicas to restore when a suspended group resumes. */
  public static final String SUSPENDED_REPLICAS_ANNOTATION = "srcn.io/suspended-replicas";

  private Labels() {}

  /** The selector labels: name and instance. */
  public static Map<String, String> selector(String group) {
    return Map.of(NAME, NAME_VALUE, INSTANCE, group);
  }

  /** All four standard labels. */
  public static Map<String, String> standard(String group) {
    return Map.of(
        NAME,
        NAME_VALUE,
        INSTANCE,
        group,
        COMPONENT,
        COMPONENT_VALUE,
        MANAGED_BY,
        MANAGED_BY_VALUE);
  }
}
