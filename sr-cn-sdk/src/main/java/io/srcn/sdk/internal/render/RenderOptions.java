package io.srcn.sdk.internal.render;

import java.util.Objects;
import java.util.Optional;

/**
 * How to render a group, beyond its spec.
 *
 * @param hpaVersion the HPA API version ({@link HpaVersion#V2} unless discovery says otherwise)
 * @param statefulSetUid the UID of the live StatefulSet; when present every other object gets an
 *     ownerReference to it (so Kubernetes garbage-collects them with it). Plain {@code render()}
 *     and its YAML have none: a GitOps tool applies them before a UID exists.
 */
public record RenderOptions(HpaVersion hpaVersion, Optional<String> statefulSetUid) {
  /** Validates the components. */
  public RenderOptions {
    Objects.requireNonNull(hpaVersion, "hpaVersion");
    Objects.requireNonNull(statefulSetUid, "statefulSetUid");
  }

  /** {@code autoscaling/v2}, no owner references: what {@code spec.render()} uses. */
  public static RenderOptions defaults() {
    return new RenderOptions(HpaVersion.V2, Optional.empty());
  }

  /** A copy with owner references to the StatefulSet with this UID. */
  public RenderOptions withStatefulSetUid(String uid) {
    return new RenderOptions(hpaVersion, Optional.of(uid));
  }

  /** A copy rendering the HPA in this version. */
  public RenderOptions withHpaVersion(HpaVersion version) {
    return new RenderOptions(version, statefulSetUid);
  }
}
