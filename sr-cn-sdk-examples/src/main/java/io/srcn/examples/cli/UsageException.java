package io.srcn.examples.cli;

/**
 * Bad usage of the CLI that picocli cannot see: a spec file that does not exist, a namespace that
 * contradicts the document, a missing kubeconfig. {@code srcn} prints the message and exits with
 * status 2.
 *
 * <p>Immutable and thread-safe.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
