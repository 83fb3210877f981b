package io.srcn.testkit.k8s.internal;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One {@link KubernetesSerialization} for every client the testkit creates. A fresh one costs about
 * a second the first time it deserializes a StatefulSet (Jackson builds its deserializers per
 * mapper); sharing it makes a client per test cheap. Custom resource classes registered through one
 * client become known to all of them.
 *
 * <p>Thread-safe.
 */
public final class SharedSerialization {
  private SharedSerialization() {}

  private static final class Holder {
    static final KubernetesSerialization INSTANCE = new KubernetesSerialization();
  }

  /** The shared instance. */
  public static KubernetesSerialization get() {
    return Holder.INSTANCE;
  }
}
