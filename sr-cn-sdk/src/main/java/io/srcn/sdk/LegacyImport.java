package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of {@link ComputeNodeGroups#fromLegacyManifest(java.io.Reader)}: the spec translated
 * from a seed-era {@code starrocks.com/v1alpha1 ComputeNodeGroup} manifest, and one warning for
 * each field that could not be carried over (nothing is dropped silently). Review the warnings
 * before deploying the spec; it may still need {@link ComputeNodeGroupSpec#validate()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class LegacyImport {
  LegacyImport() {}

  static LegacyImport of(ComputeNodeGroupSpec spec, List<String> warnings) {
    return ImmutableLegacyImport.builder().spec(spec).warnings(warnings).build();
  }

  /** The translated spec. */
  public abstract ComputeNodeGroupSpec spec();

  /** What could not be carried over, each naming the manifest field and what to do instead. */
  public abstract List<String> warnings();
}
