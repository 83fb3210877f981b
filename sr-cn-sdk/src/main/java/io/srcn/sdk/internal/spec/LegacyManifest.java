package io.srcn.sdk.internal.spec;

import java.util.List;

/**
 * Translates a seed-era {@code starrocks.com/v1alpha1 ComputeNodeGroup} manifest.
 *
 * <p>Stateless and thread-safe.
 */
public final class LegacyManifest {
  /** The spec parts read from the manifest and the warnings about what could not be carried. */
  public record Translation(SpecDraft draft, List<String> warnings) {}

  private LegacyManifest() {}

  /** Translates a manifest. */
  public static Translation translate(String manifest) {
    throw new UnsupportedOperationException("legacy import is not implemented yet");
  }
}
