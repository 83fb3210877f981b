package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Backoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class FailoverExecutorTest {
  private static final HostPort A = HostPort.of("fe-0.fe-search", 9030);
  private static final HostPort B = HostPort.of("fe-1.fe-search", 9030);
  private static final long SECOND = 1_000_000_000L;

  private final ScriptedOpener opener = new ScriptedOpener();
  private final FakePacer pacer = new FakePacer();
  private final FailoverExecutor executor =
      new FailoverExecutor(
          List.of(A, B),
          opener,
          new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 0.5),
          pacer,
          NOPLogger.NOP_LOGGER);

  private String run(String sql, long deadlineSeconds) {
    return executor.execute(
        "test " + sql,
        pacer.nanoTime() + deadlineSeconds * SECOND,
        s -> {
          s.execute(sql);
          return sql;
        });
  }

  @Test
  void reusesOneConnectionWithoutPinging() {
    run("one", 1);
    run("two", 1);
    run("three", 1);

    assertThat(opener.opens).containsExactly(A);
    assertThat(opener.pings).isZero();
    assertThat(executor.lastGoodAddress()).contains(A);
  }

  @Test
  void failsOverToTheNextAddressAndRemembersIt() {
    opener.down.add(A);

    run("one", 1);
    run("two", 1);

    assertThat(opener.log).containsExactly(B + " one", B + " two");
    assertThat(executor.lastGoodAddress()).contains(B);
    assertThat(opener.opens).containsExactly(A, B);
    assertThat(pacer.pauses).isEmpty();
  }

  @Test
  void startsWithTheLastGoodAddressAfterItsConnectionBroke() {
    opener.down.add(A);
    run("one", 1);
    opener.down.clear();
    opener.nextStatementErrors.add(ScriptedOpener.refused());

    run("two", 1);

    // B's reused session broke, reconnected to B (last good) before trying A
    assertThat(opener.opens).containsExactly(A, B, B);
    assertThat(opener.log).last().isEqualTo(B + " two");
  }

  @Test
  void revalidatesOnlyAfterAnError() {
    opener.nextStatementErrors.add(ScriptedOpener.feError(1064, "42000", "syntax error"));
    assertThatThrownBy(() -> run("bad", 1)).isInstanceOf(FrontendException.class);
    assertThat(opener.pings).isZero();

    run("good", 1);
    run("good again", 1);

    assertThat(opener.pings).isEqualTo(1);
    assertThat(opener.opens).containsExactly(A);
  }

  @Test
  void replacesAConnectionThatFailsValidation() {
    opener.nextStatementErrors.add(ScriptedOpener.feError(1064, "42000", "syntax error"));
    assertThatThrownBy(() -> run("bad", 1)).isInstanceOf(FrontendException.class);
    opener.pingsFail = true;

    run("good", 1);

    assertThat(opener.opens).containsExactly(A, A);
  }

  @Test
  void statementErrorsCarryPurposeCodeAndAddressAndAreNotRetried() {
    opener.nextStatementErrors.add(
        ScriptedOpener.feError(
            1064, "42000", "Unexpected exception: Warehouse name: x not exist."));

    assertThatThrownBy(() -> run("ALTER", 5))
        .isExactlyInstanceOf(FrontendException.class)
        .hasMessage(
            "test ALTER failed on FE "
                + A
                + " (error 1064, SQLSTATE 42000): Warehouse name: x not exist.");
    assertThat(opener.log).hasSize(1);
  }

  @Test
  void accessDeniedOnLoginIsNeverRetried() {
    opener.loginErrors.put(
        A,
        ScriptedOpener.feError(
            1045, "28000", "Access denied for user 'root' (using password: YES)"));

    assertThatThrownBy(() -> run("x", 30))
        .isInstanceOf(FrontendAuthException.class)
        .hasMessageContaining("error 1045")
        .hasMessageContaining("on FE " + A);
    assertThat(opener.opens).containsExactly(A);
    assertThat(pacer.pauses).isEmpty();
  }

  @Test
  void missingPrivilegeIsAnAuthFailure() {
    opener.nextStatementErrors.add(
        ScriptedOpener.feError(
            5203,
            "42000",
            "Access denied; you need (at least one of) the NODE privilege(s) on SYSTEM"));

    assertThatThrownBy(() -> run("ALTER", 30)).isInstanceOf(FrontendAuthException.class);
    assertThat(opener.log).hasSize(1);
  }

  @Test
  void allDownUntilTheDeadlineListsEveryAddress() {
    opener.down.add(A);
    opener.down.add(B);

    assertThatThrownBy(() -> run("x", 2))
        .isInstanceOfSatisfying(
            FrontendUnavailableException.class,
            e -> {
              assertThat(e.lastErrors()).containsOnlyKeys(A, B);
              assertThat(e.lastErrors().get(A))
                  .isEqualTo("Communications link failure: Connection refused");
              assertThat(e.getMessage())
                  .startsWith("test x failed: no FE reachable: " + A + " -> Communications");
            });
    // pauses grow (75, 150, 300, 600 ms with jitter 0.5) and stop before the deadline
    assertThat(pacer.pauses).containsExactly(75_000_000L, 150_000_000L, 300_000_000L, 600_000_000L);
    assertThat(pacer.pauses.stream().mapToLong(Long::longValue).sum()).isLessThan(2 * SECOND);
  }

  @Test
  void anOutageThatEndsWithinTheDeadlineIsRiddenOut() {
    opener.down.add(A);
    opener.down.add(B);
    opener.recoverAfterOpens = 6;

    assertThat(run("x", 10)).isEqualTo("x");

    assertThat(pacer.pauses).hasSize(3);
    assertThat(opener.opens).hasSize(7);
    assertThat(executor.lastGoodAddress()).contains(A);
  }

  @Test
  void aBrokenConnectionToAStoppedFeFailsOverAtOnce() {
    run("one", 1);
    opener.down.add(A);

    run("two", 1);

    assertThat(opener.opens).containsExactly(A, A, B);
    assertThat(opener.log).containsExactly(A + " one", B + " two");
    assertThat(pacer.pauses).isEmpty();
  }
}
