package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Credentials: the three states, and a password that never shows. */
class CredentialsTest {
  private static final String PASSWORD = "Pa55-w0rd!";

  @Test
  void toStringNeverShowsThePassword() {
    Credentials literal = Credentials.of("admin", PASSWORD);
    assertThat(literal.toString()).isEqualTo("Credentials{user=admin, password=****}");
    assertThat(Credentials.fromSecret("fe-account").toString())
        .isEqualTo("Credentials{secret=fe-account, userKey=FE_USR, passwordKey=FE_PWD}");
    assertThat(Credentials.redacted("admin").toString())
        .isEqualTo("Credentials{user=admin, password=<not recoverable>}");
    Frontend fe = Frontend.at("fe:9030").credentials(literal);
    assertThat(fe.toString()).doesNotContain(PASSWORD).contains("admin");
    ComputeNodeGroupSpec spec = ComputeNodeGroups.create("g").registerWith(fe);
    assertThat(spec.toString()).doesNotContain(PASSWORD);
    assertThat(spec.toYaml()).doesNotContain(PASSWORD);
    assertThat(spec.toCanonicalJson()).doesNotContain(PASSWORD);
  }

  @Test
  void violationsNeverQuoteThePassword() {
    assertThatThrownBy(() -> Credentials.of("", PASSWORD))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageNotContaining(PASSWORD);
    assertThatThrownBy(() -> Credentials.of("admin", PASSWORD).withKeys("a", "b"))
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aRedactedPasswordCanBeFilledInAgain() {
    Credentials literal = Credentials.of("admin", PASSWORD);
    Credentials redacted = literal.withoutPassword();
    assertThat(redacted.isLiteral()).isTrue();
    assertThat(redacted.isRedacted()).isTrue();
    assertThat(redacted.literalPassword()).isEmpty();
    assertThat(redacted).isEqualTo(Credentials.redacted("admin"));
    assertThat(redacted.withPassword(PASSWORD)).isEqualTo(literal);
    assertThat(literal.isRedacted()).isFalse();
    assertThat(Credentials.of("admin", "").isRedacted()).isFalse();
  }

  @Test
  void secretReferencesKeepTheirKeysAndHaveNoPassword() {
    Credentials secret = Credentials.fromSecret("fe-account").withKeys("USER", "PASSWORD");
    assertThat(secret.withoutPassword()).isSameAs(secret);
    assertThat(secret.isLiteral()).isFalse();
    assertThat(secret.isRedacted()).isFalse();
    assertThatThrownBy(() -> secret.withPassword("x"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("credentials.password: a Secret reference has no literal password");
  }
}
