package io.srcn.sdk.internal.spec;

import io.srcn.sdk.VolumePurpose;

/** How a spec stored before volumes had a purpose reads today. Stateless; thread-safe. */
public final class StoredVolumes {
  private StoredVolumes() {}

  /**
   * Gives {@link VolumePurpose#MOUNT_ONLY} to the draft's volumes without a purpose that no cn.conf
   * entry refers to: a spec stored (in the StatefulSet annotation) before volumes had a purpose
   * then reads as it was deployed, instead of failing validation.
   */
  public static void keepStoredVolumesMounted(SpecDraft draft) {
    draft.storage.replaceAll(
        v ->
            v == null
                    || v.purpose().isPresent()
                    || draft.config.values().stream().anyMatch(c -> c.contains(v.mountPath()))
                ? v
                : v.purpose(VolumePurpose.MOUNT_ONLY));
  }
}
