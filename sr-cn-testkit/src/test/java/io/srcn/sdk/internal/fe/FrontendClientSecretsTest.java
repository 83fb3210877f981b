package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Throwables;
import io.srcn.it.fe.CapturingLogger;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The password never shows in the SDK's logs (TRACE), exceptions or toString. */
class FrontendClientSecretsTest {
  private static final HostPort CN = HostPort.of("g-cn-0.g-cn-search.ns.svc.cluster.local", 9050);

  private final String right = "Right-" + UUID.randomUUID();
  private final String wrong = "Wrong-" + UUID.randomUUID();
  private final CapturingLogger log = new CapturingLogger();
  private final List<Throwable> thrown = new ArrayList<>();

  private JdbcFrontendClient client(Frontend frontend, Duration deadline) {
    ClientSettings settings =
        new ClientSettings(
            frontend,
            CredentialsResolver.literalOnly(),
            "",
            deadline,
            100,
            Duration.ofMillis(20),
            Duration.ofMillis(50));
    return new JdbcFrontendClient(
        settings,
        new JdbcSessionOpener(frontend, settings.resolver(), settings.namespace()),
        Pacer.system(),
        log);
  }

  private void expectFailure(Runnable call, Class<? extends Throwable> type) {
    assertThatThrownBy(call::run).isInstanceOf(type).satisfies(thrown::add);
  }

  @Test
  void thePasswordAppearsNowhereDuringFailures() {
    try (FakeFrontend fe =
        FakeFrontend.builder()
            .user("cn_admin", right, true)
            .heartbeatInterval(Duration.ofHours(1))
            .build()
            .start()) {
      Frontend good = fe.frontend("cn_admin");
      Frontend bad = good.credentials(Credentials.of("cn_admin", wrong));

      try (JdbcFrontendClient c = client(bad, Duration.ofSeconds(5))) {
        expectFailure(c::computeNodes, FrontendAuthException.class);
        assertThat(c.toString()).contains("cn_admin");
        scan(c.toString());
      }
      try (JdbcFrontendClient c = client(good, Duration.ofMillis(200))) {
        c.add(List.of(CN));
        fe.failNextStatements(1, sql -> sql.startsWith("ALTER"), 1064, "HY000", "boom");
        expectFailure(() -> c.drop(List.of(CN)), FrontendException.class);
        fe.dropAllConnections();
        c.drop(List.of(CN)); // reconnects, logged at DEBUG
        fe.stop(); // outage until the deadline
        expectFailure(c::computeNodes, FrontendException.class);
        scan(c.toString());
      }
    }

    assertThat(log.size()).isGreaterThan(3); // DEBUG/TRACE lines were really written
    assertThat(log.text())
        .contains("FE statement: ALTER SYSTEM ADD COMPUTE NODE")
        .contains("refused: Access denied for user 'cn_admin'")
        .contains("unreachable (list compute nodes)");
    scan(log.text());
    for (Throwable t : thrown) {
      scan(Throwables.getStackTraceAsString(t));
    }
  }

  private void scan(String text) {
    assertThat(text).doesNotContain(right).doesNotContain(wrong);
  }
}
