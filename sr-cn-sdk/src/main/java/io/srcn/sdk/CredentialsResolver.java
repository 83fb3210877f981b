package io.srcn.sdk;

/**
 * Turns {@link Credentials} into literal ones before the SDK logs in to the FE. The default
 * implementation reads the referenced Kubernetes Secret from the group's namespace; platforms with
 * their own secret store can supply another.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialsResolver {
  /**
   * Returns literal credentials for {@code credentials}, read in {@code namespace} when they are a
   * reference. Literal credentials are returned unchanged.
   *
   * @throws CnSdkException when the referenced secret or key cannot be read; the message names the
   *     secret and key, never the value
   */
  Credentials resolve(Credentials credentials, String namespace);

  /** A resolver that accepts only literal credentials and rejects references. */
  static CredentialsResolver literalOnly() {
    return (credentials, namespace) -> {
      if (!credentials.isLiteral()) {
        throw new CnSdkException(
            "credentials refer to Secret "
                + namespace
                + "/"
                + credentials.secretName().orElse("")
                + " but no CredentialsResolver that reads Secrets was configured");
      }
      return credentials;
    };
  }
}
