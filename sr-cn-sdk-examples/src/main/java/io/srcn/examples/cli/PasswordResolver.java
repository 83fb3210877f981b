package io.srcn.examples.cli;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import java.util.Optional;

/**
 * The CLI's credentials: Secret references are read through Kubernetes; a literal user (a spec
 * document names only the user, never a password) gets the password of the environment variable
 * named by {@code --fe-password-env} ({@code SRCN_FE_PASSWORD} by default), or an empty password
 * when the variable is not set. The password is never printed.
 *
 * <p>Immutable and thread-safe.
 */
final class PasswordResolver implements CredentialsResolver {
  private final CredentialsResolver secrets;
  private final String variable;
  private final Optional<String> password;

  PasswordResolver(CredentialsResolver secrets, String variable, String password) {
    this.secrets = secrets;
    this.variable = variable;
    this.password = Optional.ofNullable(password);
  }

  @Override
  public Credentials resolve(Credentials credentials, String namespace) {
    if (!credentials.isLiteral()) {
      return secrets.resolve(credentials, namespace);
    }
    if (!credentials.isRedacted()) {
      return credentials;
    }
    return credentials.withPassword(password.orElse(""));
  }

  /** The variable read, and whether it is set (never its value). */
  @Override
  public String toString() {
    return "PasswordResolver{" + variable + (password.isPresent() ? " set}" : " not set}");
  }
}
