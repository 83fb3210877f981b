package io.srcn.it.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.TlsMode;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failover, outages, broken connections and timeouts, on real sockets. */
class FrontendClientFailoverTest {
  private static final HostPort CN = HostPort.of("g-cn-0.g-cn-search.ns.svc.cluster.local", 9050);

  private final FakeFrontend fe1 = started();
  private final FakeFrontend fe2 = started();

  private static FakeFrontend started() {
    return FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @AfterEach
  void tearDown() {
    fe1.close();
    fe2.close();
  }

  private Frontend both() {
    return Frontend.at(List.of(fe1.address(), fe2.address()))
        .connectTimeout(Duration.ofSeconds(2))
        .queryTimeout(Duration.ofSeconds(5));
  }

  @Test
  void failsOverWhenTheFirstFeStopsMidTest() {
    try (FrontendClient client =
        FrontendClient.builder(both()).retryDeadline(Duration.ofSeconds(10)).build()) {
      assertThat(client.computeNodes()).isEmpty();
      assertThat(client.lastGoodAddress()).contains(fe1.address());

      fe1.stop();
      assertThat(client.add(List.of(CN)).added()).containsExactly(CN);

      assertThat(client.lastGoodAddress()).contains(fe2.address());
      assertThat(fe2.computeNodes()).hasSize(1);
      assertThat(FeStatements.count(fe2, "ALTER SYSTEM ADD")).isEqualTo(1);

      // the last good FE is tried first from now on, even when the first one is back
      fe1.start();
      client.computeNodes();
      assertThat(FeStatements.count(fe2, "SHOW COMPUTE NODES")).isEqualTo(1);
      assertThat(FeStatements.count(fe1, "SHOW COMPUTE NODES")).isEqualTo(1);
    }
  }

  @Test
  void ridesOutAnOutageThatEndsWithinTheDeadline() throws Exception {
    try (FrontendClient client =
        FrontendClient.builder(fe1.frontend())
            .retryDeadline(Duration.ofSeconds(20))
            .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .build()) {
      client.computeNodes();
      int port = fe1.port();
      fe1.stop();
      CompletableFuture<Void> restart =
          CompletableFuture.runAsync(
              fe1::start, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
      long start = System.nanoTime();

      assertThat(client.add(List.of(CN)).added()).containsExactly(CN);

      long tookMs = (System.nanoTime() - start) / 1_000_000;
      restart.get(5, TimeUnit.SECONDS);
      assertThat(tookMs).isBetween(500L, 20_000L);
      assertThat(fe1.port()).isEqualTo(port);
      assertThat(client.lastGoodAddress()).contains(HostPort.of("127.0.0.1", port));
      assertThat(fe1.computeNodes()).hasSize(1);
    }
  }

  @Test
  void allFesDownListsEveryAddressWithItsLastError() {
    fe1.stop();
    fe2.stop();
    try (FrontendClient client =
        FrontendClient.builder(both())
            .retryDeadline(Duration.ofMillis(300))
            .backoff(Duration.ofMillis(20), Duration.ofMillis(50))
            .build()) {
      assertThatThrownBy(() -> client.add(List.of(CN)))
          .isInstanceOfSatisfying(
              FrontendUnavailableException.class,
              e -> {
                assertThat(e.lastErrors()).containsOnlyKeys(fe1.address(), fe2.address());
                assertThat(e.lastErrors().values())
                    .allSatisfy(v -> assertThat(v).contains("Connection refused"));
                assertThat(e.getMessage())
                    .startsWith("add compute nodes [" + CN + "] failed: no FE reachable: ")
                    .contains(fe1.address() + " -> Communications link failure")
                    .contains(fe2.address() + " -> ");
              });
      assertThat(client.lastGoodAddress()).isEmpty();
    }
  }

  @Test
  void reconnectsToTheSameFeAfterItDroppedTheConnection() {
    try (FrontendClient client = FrontendClient.create(both())) {
      client.computeNodes();
      fe1.dropAllConnections();

      assertThat(client.add(List.of(CN)).added()).containsExactly(CN);

      assertThat(client.lastGoodAddress()).contains(fe1.address());
      assertThat(fe2.statements()).isEmpty();
    }
  }

  @Test
  void reusesOneConnectionAcrossCalls() {
    try (FrontendClient client = FrontendClient.create(fe1.frontend())) {
      client.computeNodes();
      client.add(List.of(CN));
      client.computeNodes();
      client.drop(List.of(CN));

      assertThat(fe1.statements())
          .extracting(s -> s.connectionId())
          .containsOnly(fe1.statements().get(0).connectionId());
      assertThat(fe1.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void aStatementThatGetsNoAnswerInTimeBreaksTheConnectionAndFailsOver() {
    Frontend slowFirst =
        both().queryTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofSeconds(2));
    try (FrontendClient client =
        FrontendClient.builder(slowFirst).retryDeadline(Duration.ofSeconds(10)).build()) {
      client.computeNodes();
      fe1.setLatency(Duration.ofSeconds(2));

      assertThat(client.add(List.of(CN)).added()).containsExactly(CN);

      assertThat(client.lastGoodAddress()).contains(fe2.address());
    }
  }

  @Test
  void wrongPasswordIsNotRetried() {
    fe1.addUser("cn_admin", "right", true);
    Frontend wrong = fe1.frontend("cn_admin").credentials(Credentials.of("cn_admin", "wrong"));
    try (FrontendClient client =
        FrontendClient.builder(wrong)
            .retryDeadline(Duration.ofSeconds(60))
            .backoff(Duration.ofSeconds(10), Duration.ofSeconds(10))
            .build()) {
      long start = System.nanoTime();

      assertThatThrownBy(client::computeNodes)
          .isInstanceOfSatisfying(
              FrontendAuthException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(1045);
                assertThat(e.getMessage())
                    .contains("Access denied for user 'cn_admin'")
                    .doesNotContain("wrong");
              });
      // a retry would have waited the 10 s backoff first
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void refusedLoginsAreAuthFailures() {
    fe1.refuseLogins(true);
    try (FrontendClient client = FrontendClient.create(both())) {
      assertThatThrownBy(client::computeNodes).isInstanceOf(FrontendAuthException.class);
      assertThat(fe2.statements()).isEmpty();
    }
  }

  @Test
  void theTlsModeReachesTheDriver() {
    Frontend tls = fe1.frontend().tlsMode(TlsMode.REQUIRED);
    try (FrontendClient client = FrontendClient.builder(tls).retryDeadline(Duration.ZERO).build()) {
      assertThatThrownBy(client::computeNodes)
          .isInstanceOf(FrontendUnavailableException.class)
          .hasMessageContaining("SSL Connection required, but not provided by server");
    }
  }
}
