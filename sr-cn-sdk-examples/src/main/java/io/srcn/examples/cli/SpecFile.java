package io.srcn.examples.cli;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.InvalidSpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the spec document of {@code -f} ({@code apiVersion: srcn.io/v1}, {@code kind:
 * ComputeNodeGroup}) and settles its namespace as kubectl does: the document's {@code
 * metadata.namespace} when it has one (a different {@code -n} is an error), else {@code -n}, else
 * the kubeconfig's namespace.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecFile {
  private SpecFile() {}

  /**
   * The spec in {@code file}.
   *
   * @param namespaceFlag the {@code -n} option, if given
   * @param fallbackNamespace the namespace when neither the document nor {@code -n} names one
   * @throws UsageException when the file cannot be read, is not a valid spec (the message names
   *     every invalid field), or its namespace contradicts {@code -n}
   */
  static ComputeNodeGroupSpec read(
      Path file, Optional<String> namespaceFlag, Supplier<String> fallbackNamespace) {
    String text = text(file);
    ComputeNodeGroupSpec spec;
    try {
      spec = ComputeNodeGroupSpec.fromYaml(text);
    } catch (InvalidSpecException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
    Optional<String> declared = declaredNamespace(text);
    if (declared.isPresent()) {
      if (namespaceFlag.isPresent() && !namespaceFlag.get().equals(declared.get())) {
        throw new UsageException(
            file
                + ": metadata.namespace is '"
                + declared.get()
                + "' but -n says '"
                + namespaceFlag.get()
                + "'; remove one of them");
      }
      return spec;
    }
    String ns = namespaceFlag.orElseGet(fallbackNamespace);
    try {
      return spec.inNamespace(ns);
    } catch (InvalidSpecException e) {
      throw new UsageException("-n: " + e.getMessage());
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("-f: cannot read " + file + ": " + e.getMessage());
    }
  }

  /** {@code metadata.namespace} as written in the document (the SDK already parsed it). */
  private static Optional<String> declaredNamespace(String text) {
    Object doc = new KubernetesSerialization().unmarshal(text, Map.class);
    if (doc instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> meta) {
      Object ns = meta.get("namespace");
      return ns == null ? Optional.empty() : Optional.of(ns.toString());
    }
    return Optional.empty();
  }
}
