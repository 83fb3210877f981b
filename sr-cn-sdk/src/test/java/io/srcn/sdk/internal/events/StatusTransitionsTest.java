package io.srcn.sdk.internal.events;

import static io.srcn.sdk.internal.status.StatusSamples.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.Condition;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.internal.status.AddressMismatch;
import io.srcn.sdk.internal.status.ConditionFacts;
import io.srcn.sdk.internal.status.Conditions;
import io.srcn.sdk.internal.status.StatusSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {
  private static final Instant T0 = StatusSamples.OBSERVED;

  @Test
  void theFirstStatusHasNothingToCompareWith() {
    GroupStatus s = status(2, T0, f -> f.frontendError("down"), List.of());
    assertThat(StatusTransitions.events(Optional.empty(), s)).isEmpty();
  }

  @Test
  void aChangeOfDesiredReplicasIsScaled() {
    GroupStatus before = status(2, T0, f -> f, List.of());
    GroupStatus after = status(3, T0.plusSeconds(30), f -> f, before.conditions());
    assertThat(StatusTransitions.events(Optional.of(before), after))
        .extracting(GroupEvent::reason, GroupEvent::message, GroupEvent::time)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Scaled", "Scaled out from 2 to 3 replicas", T0.plusSeconds(30)));
  }

  @Test
  void becomingDegradedOrDegradedForAnotherReasonIsReportedOnce() {
    GroupStatus healthy = status(2, T0, f -> f, List.of());
    GroupStatus down = status(2, T0.plusSeconds(1), f -> f.frontendError("refused"), List.of());
    GroupStatus stillDown =
        status(2, T0.plusSeconds(2), f -> f.frontendError("timed out"), down.conditions());
    GroupStatus alsoCredentials =
        status(2, T0.plusSeconds(3), f -> f.credentialsError("no key FE_PWD"), List.of());
    assertThat(StatusTransitions.events(Optional.of(healthy), down))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Degraded"))
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo("FrontendUnavailable: no FE answered:" + " refused"));
    assertThat(StatusTransitions.events(Optional.of(down), stillDown)).isEmpty();
    assertThat(StatusTransitions.events(Optional.of(down), alsoCredentials))
        .extracting(GroupEvent::message)
        .containsExactly(
            "CredentialsUnresolvable: cannot resolve the FE credentials: no key FE_PWD");
    assertThat(StatusTransitions.events(Optional.of(down), healthy)).isEmpty();
  }

  @Test
  void anAddressModeMismatchIsReportedWithItsFixInsteadOfAsDegraded() {
    AddressMismatch m =
        new AddressMismatch("analytics-cn-0", "analytics-cn-0.x:9050", "10.0.0.1:9050");
    GroupStatus healthy = status(2, T0, f -> f, List.of());
    GroupStatus mismatched =
        status(2, T0.plusSeconds(5), f -> f.addMismatches(m), healthy.conditions());
    assertThat(StatusTransitions.events(Optional.of(healthy), mismatched))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(GroupEvent.ADDRESS_MODE_MISMATCH))
        .satisfies(e -> assertThat(e.type()).isEqualTo(GroupEvent.Type.WARNING))
        .satisfies(
            e ->
                assertThat(e.message())
                    .startsWith("The FE lists analytics-cn-0 as 10.0.0.1:9050 instead of")
                    .contains("start_fe.sh --host_type FQDN"));
    assertThat(StatusTransitions.events(Optional.of(mismatched), mismatched)).isEmpty();
  }

  /** A status of {@code desired} serving pods with conditions computed from the facts. */
  private static GroupStatus status(
      int desired,
      Instant at,
      UnaryOperator<ConditionFacts.Builder> problems,
      List<Condition> previous) {
    GroupStatus.Builder draft =
        GroupStatus.builder()
            .from(StatusSamples.empty())
            .namespace("starrocks")
            .name("analytics")
            .observedAt(at)
            .desiredReplicas(desired)
            .currentReplicas(desired)
            .readyReplicas(desired);
    for (int i = 0; i < desired; i++) {
      draft.addNodes(serving(i));
    }
    GroupStatus d = draft.build();
    return Conditions.applyTo(d, problems.apply(ConditionFacts.builderFor(d)).build(), previous);
  }
}
