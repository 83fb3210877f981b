package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.internal.spec.SpecRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the SDK logs in to the FE: either a literal user and password, or a reference to a Kubernetes
 * Secret holding them (keys {@code FE_USR} and {@code FE_PWD} by default, as in the StarRocks CN
 * guide). Any FE user with the {@code NODE} and {@code OPERATE} system privileges works; it need
 * not be {@code root}.
 *
 * <p>The password never appears in {@link #toString()}, logs, exceptions or serialized specs: a
 * spec written to YAML, JSON or the StatefulSet annotation keeps Secret references in full but of
 * literal credentials only the user. Read back, those are {@linkplain #isRedacted() redacted}: a
 * {@link CredentialsResolver} (or {@link #withPassword(String)}) must supply the password again.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class Credentials {
  /** The default Secret key holding the user name. */
  public static final String DEFAULT_USER_KEY = "FE_USR";

  /** The default Secret key holding the password. */
  public static final String DEFAULT_PASSWORD_KEY = "FE_PWD";

  Credentials() {}

  /** Literal credentials. The password may be empty, never null. */
  public static Credentials of(String user, String password) {
    if (password == null) {
      new Violations("credentials")
          .add("password", "must not be null (use \"\" for none)")
          .throwIfAny();
    }
    return ImmutableCredentials.builder()
        .literalUser(SpecRules.nonNull("credentials.user", user))
        .literalPassword(password)
        .build();
  }

  /**
   * Literal credentials whose password is not known: what a spec read back from YAML, JSON or the
   * StatefulSet annotation holds when it was written with literal credentials (the password is
   * never written). {@link #isRedacted()} is true; a {@link CredentialsResolver} (or {@link
   * #withPassword(String)}) must supply the password before the SDK can log in.
   */
  public static Credentials redacted(String user) {
    return ImmutableCredentials.builder()
        .literalUser(SpecRules.nonNull("credentials.user", user))
        .build();
  }

  /**
   * Credentials read from the Secret {@code secretName} in the group's namespace, keys {@code
   * FE_USR} and {@code FE_PWD}.
   */
  public static Credentials fromSecret(String secretName) {
    return ImmutableCredentials.builder()
        .secretName(SpecRules.nonNull("credentials.secretName", secretName))
        .build();
  }

  /** The Secret holding the credentials, when they are a reference. */
  public abstract Optional<String> secretName();

  /** The Secret key of the user name (default {@code FE_USR}). */
  @Value.Default
  public String userKey() {
    return DEFAULT_USER_KEY;
  }

  /** The Secret key of the password (default {@code FE_PWD}). */
  @Value.Default
  public String passwordKey() {
    return DEFAULT_PASSWORD_KEY;
  }

  /** The literal user, when the credentials are literal. */
  public abstract Optional<String> literalUser();

  /**
   * The literal password, when the credentials are literal and not {@linkplain #isRedacted()
   * redacted}. Never printed.
   */
  @Value.Redacted
  public abstract Optional<String> literalPassword();

  /** True when user and password are given literally (not a Secret reference). */
  public boolean isLiteral() {
    return secretName().isEmpty();
  }

  /**
   * True for literal credentials whose password is not known (see {@link #redacted(String)}): they
   * must be completed with {@link #withPassword(String)} before use.
   */
  public boolean isRedacted() {
    return isLiteral() && literalPassword().isEmpty();
  }

  /** A copy of literal credentials with this password (fills in a redacted password). */
  public Credentials withPassword(String password) {
    if (!isLiteral()) {
      new Violations("credentials")
          .add("password", "a Secret reference has no literal password")
          .throwIfAny();
    }
    return of(literalUser().orElse(""), password);
  }

  /**
   * What serialized specs keep: Secret references unchanged, literal credentials without their
   * password ({@link #isRedacted()}).
   */
  public Credentials withoutPassword() {
    return isLiteral() ? redacted(literalUser().orElse("")) : this;
  }

  /** A copy reading the Secret with other key names. Only for Secret references. */
  public Credentials withKeys(String userKey, String passwordKey) {
    return ImmutableCredentials.builder()
        .from(this)
        .userKey(userKey)
        .passwordKey(passwordKey)
        .build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("credentials");
    if (secretName().isPresent()) {
      v.require(
          literalUser().isEmpty() && literalPassword().isEmpty(),
          "",
          "is either a Secret reference or literal, not both");
      v.dnsSubdomain("secretName", secretName().get());
      v.secretKey("userKey", userKey());
      v.secretKey("passwordKey", passwordKey());
    } else {
      v.require(
          literalUser().isPresent() && !literalUser().get().isEmpty(), "user", "must not be empty");
      v.require(
          userKey().equals(DEFAULT_USER_KEY) && passwordKey().equals(DEFAULT_PASSWORD_KEY),
          "userKey",
          "Secret keys apply only to credentials read from a Secret");
    }
    v.throwIfAny();
  }

  @Override
  public String toString() {
    return secretName()
        .map(
            s ->
                "Credentials{secret="
                    + s
                    + ", userKey="
                    + userKey()
                    + ", passwordKey="
                    + passwordKey()
                    + "}")
        .orElseGet(
            () ->
                "Credentials{user="
                    + literalUser().orElse("")
                    + (isRedacted() ? ", password=<not recoverable>}" : ", password=****}"));
  }
}
