package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.srcn.sdk.internal.render.Copies;
import io.srcn.sdk.internal.render.Json;
import io.srcn.sdk.naming.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code srcn.io/applied-hash} annotation: SHA-256 of an object's JSON with every map's keys
 * sorted, so the hash does not depend on map iteration order (a spec recovered from its annotation
 * hashes like the original).
 *
 * <p>Stateless and thread-safe.
 */
final class AppliedHash {
  private AppliedHash() {}

  /** The hash of the JSON tree {@code tree}. */
  static String of(Map<String, Object> tree) {
    String json = Json.toJson(canonical(tree));
    return sha256Hex(json);
  }

  /** The hash the live object carries, if any. */
  static Optional<String> onLive(HasMetadata live) {
    Map<String, String> a = live.getMetadata().getAnnotations();
    return Optional.ofNullable(a == null ? null : a.get(Labels.APPLIED_HASH_ANNOTATION));
  }

  /** A copy of {@code desired} carrying its hash. */
  static HasMetadata annotate(HasMetadata desired, String hash) {
    HasMetadata copy = Copies.copy(desired);
    Map<String, String> annotations = new TreeMap<>();
    if (copy.getMetadata().getAnnotations() != null) {
      annotations.putAll(copy.getMetadata().getAnnotations());
    }
    annotations.put(Labels.APPLIED_HASH_ANNOTATION, hash);
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }

  private static Object canonical(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(k.toString(), canonical(v)));
      return sorted;
    }
    if (node instanceof List<?> l) {
      return l.stream().map(AppliedHash::canonical).toList();
    }
    return node;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "SHA-256 is missing from this JVM (every Java SE JVM has it)", e);
    }
  }
}
