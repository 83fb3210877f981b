package io.srcn.sdk.internal;

import io.srcn.sdk.ComputeNodeGroupSpec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CN version {@code X.Y.Z}, taken from the spec's {@code cnVersion} or else from the image tag
 * ({@code 3.5.2}, {@code 3.5.2-ubuntu}, {@code v3.5.2}); a tag such as {@code latest} or {@code
 * 3.5-latest} names none, and the newest rules apply. The rules that differ by version line live
 * here, each with the upstream file it comes from.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record CnVersion(int major, int minor, int patch) {
  private static final Pattern SYNTAX = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,6})");
  private static final Pattern TAG =
      Pattern.compile(SYNTAX.pattern() + "([-+._][A-Za-z0-9._+-]*)?");

  /** True when {@code text} is a version the spec accepts as {@code cnVersion}: {@code X.Y.Z}. */
  public static boolean isValid(String text) {
    return SYNTAX.matcher(text).matches();
  }

  /** The version from {@code X.Y.Z}, or empty. */
  public static Optional<CnVersion> parse(String text) {
    return match(SYNTAX, text);
  }

  /** The version the image tag names, or empty (no tag, a digest only, or no X.Y.Z). */
  public static Optional<CnVersion> ofImage(String image) {
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.empty();
    }
    return match(TAG, ref.substring(colon + 1));
  }

  /** The version whose rules the spec's pods follow: {@code cnVersion}, else the image tag's. */
  public static Optional<CnVersion> of(ComputeNodeGroupSpec spec) {
    return spec.cnVersion()
        .flatMap(CnVersion::parse)
        .or(() -> spec.image().flatMap(CnVersion::ofImage));
  }

  /**
   * True when {@code stop_cn.sh -g} drains the CN: sends SIGTERM and waits for the process to exit.
   * The graceful exit arrived in 3.3.17, 3.4.6 and 3.5.2 (the versions the official operator checks
   * in {@code pkg/k8sutils/templates/pod/spec.go GetPreStopCommand}, PR #690); every other line,
   * 4.x and an unknown version get it. Before those patch levels the operator runs a plain {@code
   * stop_cn.sh}, and so does the SDK.
   */
  public boolean drainsOnGracefulStop() {
    if (major != 3) {
      return true;
    }
    return switch (minor) {
      case 3 -> patch >= 17;
      case 4 -> patch >= 6;
      case 5 -> patch >= 2;
      default -> true;
    };
  }

  /**
   * True when the CN reads {@code datacache_disk_path}/{@code datacache_meta_path} (default {@code
   * ${STARROCKS_HOME}/datacache/}, StarRocks BE configuration docs): up to the 3.3 line. From 3.4
   * on the unified data cache lives under {@code storage_root_path} and {@code
   * be/src/common/config.h} no longer declares those keys.
   */
  public boolean readsDatacacheDiskPath() {
    return major < 3 || (major == 3 && minor <= 3);
  }

  /** {@code X.Y.Z}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }

  private static Optional<CnVersion> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CnVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
  }
}
