package io.srcn.sdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.kube.SecretCredentialsResolver;

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
   * @throws CredentialsUnresolvableException when the referenced secret or key cannot be read; the
   *     message names the secret and key, never the value
   */
  Credentials resolve(Credentials credentials, String namespace);

  /**
   * A resolver that reads referenced Secrets through {@code client}, in the namespace passed to
   * {@link #resolve}: keys {@link Credentials#userKey()} and {@link Credentials#passwordKey()},
   * base64-decoded from the Secret's data. Literal credentials pass through unchanged. A missing
   * Secret or key raises a {@link CnSdkException} naming the Secret and the key, never a value; a
   * failed API call raises {@link KubernetesOperationException}.
   */
  static CredentialsResolver kubernetes(KubernetesClient client) {
    return new SecretCredentialsResolver(client);
  }

  /** A resolver that accepts only literal credentials and rejects references. */
  static CredentialsResolver literalOnly() {
    return (credentials, namespace) -> {
      if (!credentials.isLiteral()) {
        throw new CredentialsUnresolvableException(
            "credentials refer to Secret "
                + namespace
                + "/"
                + credentials.secretName().orElse("")
                + " but no CredentialsResolver that reads Secrets was configured",
            namespace,
            credentials.secretName().orElse(""),
            null);
      }
      return credentials;
    };
  }
}
