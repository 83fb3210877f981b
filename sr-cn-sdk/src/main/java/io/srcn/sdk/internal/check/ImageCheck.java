package io.srcn.sdk.internal.check;

import static io.srcn.sdk.internal.check.Checks.pass;
import static io.srcn.sdk.internal.check.Checks.warn;

import io.srcn.sdk.PreflightCheck;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image's CN version, when its tag says it, against the graceful preStop: {@code stop_cn.sh -g}
 * drains only from 3.3.17, 3.4.6 and 3.5.2.
 *
 * <p>Stateless and thread-safe.
 */
final class ImageCheck {
  private static final Pattern TAG_VERSION = Pattern.compile(":(\\d+)\\.(\\d+)\\.(\\d+)");

  private ImageCheck() {}

  static PreflightCheck run(String image) {
    Matcher m = TAG_VERSION.matcher(image);
    if (!m.find()) {
      return warn(
          "image-version", "the tag of " + image + " names no version", "use a versioned CN image");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    String version = major + "." + minor + "." + patch;
    boolean drains =
        major > 3
            || (major == 3
                && (minor > 5
                    || (minor == 5 && patch >= 2)
                    || (minor == 4 && patch >= 6)
                    || (minor == 3 && patch >= 17)));
    return drains
        ? pass("image-version", version + ": stop_cn.sh -g drains work")
        : warn(
            "image-version",
            version + ": stop_cn.sh -g does not drain before 3.3.17, 3.4.6, 3.5.2",
            "use a CN image of 3.3.17, 3.4.6, 3.5.2 or later");
  }
}
