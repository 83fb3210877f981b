package io.srcn.sdk.internal.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.CredentialsUnresolvableException;
import io.srcn.sdk.KubernetesOperationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads FE credentials from a Kubernetes Secret: the user from {@link Credentials#userKey()}, the
 * password from {@link Credentials#passwordKey()}, base64-decoded from the Secret's {@code data}
 * (or taken from {@code stringData} when a server keeps it). The values are used as they are (no
 * trimming). Errors name the Secret and the key, never a value. Literal credentials pass through
 * unchanged.
 *
 * <p>Thread-safe (the fabric8 client is).
 */
public final class SecretCredentialsResolver implements CredentialsResolver {
  private final KubernetesClient client;

  /** Creates a resolver reading Secrets through {@code client}. */
  public SecretCredentialsResolver(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Credentials resolve(Credentials credentials, String namespace) {
    if (credentials.isLiteral()) {
      return credentials;
    }
    String name = credentials.secretName().orElseThrow();
    if (namespace == null || namespace.isEmpty()) {
      throw new CredentialsUnresolvableException(
          "cannot read Secret '" + name + "' with the FE credentials: no namespace given",
          namespace,
          name,
          null);
    }
    Secret secret = read(namespace, name);
    String user = value(secret, namespace, name, credentials.userKey(), "user");
    String password = value(secret, namespace, name, credentials.passwordKey(), "password");
    if (user.isEmpty()) {
      throw new CredentialsUnresolvableException(
          "key '"
              + credentials.userKey()
              + "' (the FE user) of Secret "
              + namespace
              + "/"
              + name
              + " is empty",
          namespace,
          name,
          credentials.userKey());
    }
    return Credentials.of(user, password);
  }

  @Override
  public String toString() {
    return "CredentialsResolver.kubernetes";
  }

  private Secret read(String namespace, String name) {
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      String hint =
          e.getCode() == 403
              ? "grant the SDK's ServiceAccount 'get' on secrets in namespace " + namespace
              : null;
      throw new KubernetesOperationException(
          "read", "Secret", namespace, name, e.getCode(), hint, e);
    }
    if (secret == null) {
      throw new CredentialsUnresolvableException(
          "Secret " + namespace + "/" + name + " holding the FE credentials does not exist",
          namespace,
          name,
          null);
    }
    return secret;
  }

  private static String value(
      Secret secret, String namespace, String name, String key, String what) {
    Optional<String> encoded = entry(secret.getData(), key);
    if (encoded.isPresent()) {
      try {
        return new String(Base64.getMimeDecoder().decode(encoded.get()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new CredentialsUnresolvableException(
            "key '"
                + key
                + "' (the FE "
                + what
                + ") of Secret "
                + namespace
                + "/"
                + name
                + " is not valid base64",
            namespace,
            name,
            key);
      }
    }
    return entry(secret.getStringData(), key)
        .orElseThrow(
            () ->
                new CredentialsUnresolvableException(
                    "Secret "
                        + namespace
                        + "/"
                        + name
                        + " has no key '"
                        + key
                        + "' (the FE "
                        + what
                        + ")",
                    namespace,
                    name,
                    key));
  }

  private static Optional<String> entry(Map<String, String> map, String key) {
    return map == null ? Optional.empty() : Optional.ofNullable(map.get(key));
  }
}
