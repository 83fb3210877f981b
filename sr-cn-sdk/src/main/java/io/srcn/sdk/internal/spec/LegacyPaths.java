package io.srcn.sdk.internal.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers where each part of a translated spec document came from in a legacy manifest, so that
 * violations are reported with the manifest's paths (e.g. {@code spec.image} as {@code
 * spec.images.cnImage}).
 *
 * <p>Not thread-safe; one translation at a time.
 */
final class LegacyPaths {
  private final Map<String, String> origins = new HashMap<>();

  /** Records that the document path {@code path} came from {@code legacyPath}. */
  void map(String path, String legacyPath) {
    origins.put(path, legacyPath);
  }

  /** The legacy path of a document path: its longest recorded prefix replaced. */
  String toLegacy(String path) {
    String best = null;
    for (String prefix : origins.keySet()) {
      boolean matches =
          path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
      if (matches && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? path : origins.get(best) + path.substring(best.length());
  }
}
