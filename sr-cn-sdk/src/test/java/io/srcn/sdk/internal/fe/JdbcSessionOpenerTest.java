package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.TlsMode;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.HostPort;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JdbcSessionOpenerTest {
  private static final String SECRET = "s3cr3t-Pa55";

  @Test
  void setsTheDocumentedDriverProperties() {
    Frontend fe =
        Frontend.at("fe-0:9030")
            .connectTimeout(Duration.ofSeconds(3))
            .queryTimeout(Duration.ofSeconds(20))
            .tlsMode(TlsMode.VERIFY_IDENTITY);

    Properties p = JdbcSessionOpener.properties(fe, Credentials.of("cn_admin", SECRET));

    assertThat(p)
        .containsEntry("user", "cn_admin")
        .containsEntry("password", SECRET)
        .containsEntry("connectTimeout", "3000")
        .containsEntry("socketTimeout", "20000")
        .containsEntry("sslMode", "VERIFY_IDENTITY")
        .containsEntry("connectionAttributes", "program_name:sr-cn-sdk")
        .containsEntry("useLocalSessionState", "true")
        .containsEntry("useServerPrepStmts", "false")
        .containsEntry("allowMultiQueries", "false")
        .containsEntry("allowLoadLocalInfile", "false")
        .containsEntry("autoReconnect", "false");
  }

  @Test
  void everyTlsModeMapsToAConnectorJMode() {
    for (TlsMode m : TlsMode.values()) {
      assertThat(JdbcSessionOpener.sslMode(m))
          .isIn("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY");
    }
  }

  @Test
  void theUrlCarriesNoCredentialsAndBracketsIpv6() {
    assertThat(JdbcSessionOpener.url(HostPort.parse("[fd00::1]:9030")))
        .isEqualTo("jdbc:mysql://[fd00::1]:9030/");
  }

  @Test
  void aResolverThatReturnsNoLiteralCredentialsFailsClearlyBeforeConnecting() {
    Frontend fe = Frontend.at("127.0.0.1:1").credentials(Credentials.fromSecret("fe-account"));
    CredentialsResolver broken = (c, ns) -> c;
    JdbcSessionOpener opener = new JdbcSessionOpener(fe, broken, "ns");

    assertThatThrownBy(() -> opener.open(HostPort.of("127.0.0.1", 1)))
        .isInstanceOf(FrontendAuthException.class)
        .hasMessageContaining("returned a Secret reference");
  }

  @Test
  void aRefusedLoginNamesTheUserAndKeepsTheCodeWhileOtherFailuresPassUnchanged() {
    SQLException refused =
        new SQLException("Access denied for user 'x' (using password: YES)", "28000", 1045);
    SQLException named = JdbcSessionOpener.namingUser(refused, "tenant_a");
    assertThat(named.getMessage())
        .startsWith("login as FE user 'tenant_a' refused: Access denied")
        .doesNotContain(SECRET);
    assertThat(named.getErrorCode()).isEqualTo(1045);
    assertThat(named.getSQLState()).isEqualTo("28000");
    assertThat(FeErrors.classify(named)).isEqualTo(FeErrors.Kind.ACCESS_DENIED);

    SQLException down = new SQLException("Communications link failure", "08S01", 0);
    assertThat((Object) JdbcSessionOpener.namingUser(down, "tenant_a")).isSameAs(down);
  }
}
