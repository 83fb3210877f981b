package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class JdbcFrontendClientTest {
  private static final String PASSWORD = "pw-7f3a9c";
  private static final HostPort A = HostPort.of("fe-0", 9030);
  private static final HostPort B = HostPort.of("fe-1", 9030);

  private final ScriptedOpener opener = new ScriptedOpener();

  private static ClientSettings settings(Duration deadline, Duration backoff) {
    Frontend fe = Frontend.at(List.of(A, B)).credentials(Credentials.of("cn_admin", PASSWORD));
    return new ClientSettings(
        fe, CredentialsResolver.literalOnly(), "", deadline, 100, backoff, backoff);
  }

  @Test
  void serverVersionReadsTheVersionComment() {
    try (JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ofSeconds(1), Duration.ofMillis(10)),
            opener,
            new FakePacer(),
            NOPLogger.NOP_LOGGER)) {
      assertThat(c.serverVersion()).isEqualTo("3.3.5");
      assertThat(c.lastGoodAddress()).contains(A);
      assertThat(opener.log).containsExactly(A + " SELECT @@version_comment");
    }
  }

  @Test
  void emptyInputsSendNothing() {
    try (JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ofSeconds(1), Duration.ofMillis(10)),
            opener,
            new FakePacer(),
            NOPLogger.NOP_LOGGER)) {
      assertThat(c.add(List.of()).added()).isEmpty();
      assertThat(c.drop(List.of()).dropped()).isEmpty();
      assertThat(opener.opens).isEmpty();
    }
  }

  @Test
  void closeEndsAPendingBackoffAndLaterCallsFail() throws Exception {
    opener.down.add(A);
    opener.down.add(B);
    JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ofMinutes(5), Duration.ofMinutes(1)),
            opener,
            Pacer.system(),
            NOPLogger.NOP_LOGGER);
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(c::computeNodes);
    await().atMost(Duration.ofSeconds(5)).until(() -> opener.opens.size() >= 2);

    c.close();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(FrontendUnavailableException.class);
    assertThatThrownBy(c::computeNodes).isInstanceOf(IllegalStateException.class);
    c.close(); // idempotent
  }

  @Test
  void toStringAndErrorsNeverShowThePassword() {
    opener.down.add(A);
    opener.down.add(B);
    JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ZERO, Duration.ofMillis(10)),
            opener,
            new FakePacer(),
            NOPLogger.NOP_LOGGER);

    assertThat(c.toString()).contains("cn_admin").doesNotContain(PASSWORD);
    assertThatThrownBy(c::computeNodes)
        .isInstanceOf(FrontendUnavailableException.class)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void secretCredentialsNeedAResolver() {
    Frontend fe = Frontend.at("fe-0:9030").credentials(Credentials.fromSecret("fe-account"));

    assertThatThrownBy(() -> FrontendClient.create(fe))
        .isInstanceOf(CnSdkException.class)
        .hasMessageContaining("Secret 'fe-account'")
        .hasMessageContaining("credentialsResolver");
  }

  @Test
  void settingsOutOfRangeAreAllNamed() {
    Frontend fe = Frontend.at("fe-0:9030");

    assertThatThrownBy(
            () ->
                FrontendClient.builder(fe)
                    .batchSize(0)
                    .retryDeadline(Duration.ofSeconds(-1))
                    .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize 0")
        .hasMessageContaining("retryDeadline")
        .hasMessageContaining("backoff max");
  }

  @Test
  void invalidWarehouseNamesFailBeforeAnyStatement() {
    try (JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ofSeconds(1), Duration.ofMillis(10)),
            opener,
            new FakePacer(),
            NOPLogger.NOP_LOGGER)) {
      assertThatThrownBy(() -> c.add(List.of(A), "wh`; DROP"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(opener.opens).isEmpty();
    }
  }

  @Test
  void aRowWithoutTheRequiredColumnsIsAFrontendError() {
    try (JdbcFrontendClient c =
        new JdbcFrontendClient(
            settings(Duration.ofSeconds(1), Duration.ofMillis(10)),
            opener,
            new FakePacer(),
            NOPLogger.NOP_LOGGER)) {
      assertThatThrownBy(c::computeNodes)
          .isInstanceOf(FrontendException.class)
          .hasMessageStartingWith("list compute nodes failed on FE " + A)
          .hasMessageContaining("unexpected SHOW COMPUTE NODES row")
          .hasMessageContaining("'ComputeNodeId'");
    }
  }
}
