package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.GroupEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupEventsTest {
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
  private static final List<String> TWO = List.of("a.svc:9050", "b.svc:9050");

  @Test
  void registeredAndDroppedNameEveryAddress() {
    GroupEvent added = GroupEvents.nodeRegistered("ns", "g", TWO, T);
    assertThat(added.type()).isEqualTo(GroupEvent.Type.NORMAL);
    assertThat(added.reason()).isEqualTo(GroupEvent.NODE_REGISTERED);
    assertThat(added.message())
        .isEqualTo("Registered 2 compute nodes with the FE: a.svc:9050, b.svc:9050");
    assertThat(added.addresses()).isEqualTo(TWO);
    assertThat(added.time()).isEqualTo(T);
    assertThat(GroupEvents.nodeDropped("ns", "g", List.of("a.svc:9050"), T).message())
        .isEqualTo("Dropped 1 compute node from the FE: a.svc:9050");
  }

  @Test
  void failuresAreWarningsWithTheErrorOnOneLine() {
    GroupEvent failed =
        GroupEvents.registrationFailed(
            "ns",
            "g",
            false,
            TWO,
            "add compute nodes failed on FE fe:9030 (error 1064):\n boom",
            T);
    assertThat(failed.type()).isEqualTo(GroupEvent.Type.WARNING);
    assertThat(failed.message())
        .isEqualTo(
            "Could not add 2 compute nodes to the FE (a.svc:9050, b.svc:9050): add compute nodes"
                + " failed on FE fe:9030 (error 1064): boom");
    assertThat(GroupEvents.registrationFailed("ns", "g", true, TWO, "x", T).message())
        .startsWith("Could not drop 2 compute nodes from the FE (");
    GroupEvent down = GroupEvents.frontendUnavailable("ns", "g", "y".repeat(900), T);
    assertThat(down.reason()).isEqualTo(GroupEvent.FRONTEND_UNAVAILABLE);
    assertThat(down.message()).hasSize("No FE answered: ".length() + 503).endsWith("...");
  }

  @Test
  void scaledMismatchAndDegraded() {
    assertThat(GroupEvents.scaled("ns", "g", 2, 5, T).message())
        .isEqualTo("Scaled out from 2 to 5 replicas");
    assertThat(GroupEvents.scaled("ns", "g", 5, 2, T).message())
        .isEqualTo("Scaled in from 5 to 2 replicas");
    Condition amm =
        Condition.of(
            Condition.ADDRESS_MODE_MISMATCH,
            ConditionStatus.TRUE,
            "FrontendNotInFqdnMode",
            "the FE lists g-cn-0 as 10.0.0.1:9050 instead of g-cn-0.x:9050: fix it");
    GroupEvent mismatch = GroupEvents.addressModeMismatch("ns", "g", amm, T);
    assertThat(mismatch.type()).isEqualTo(GroupEvent.Type.WARNING);
    assertThat(mismatch.message())
        .isEqualTo("The FE lists g-cn-0 as 10.0.0.1:9050 instead of g-cn-0.x:9050: fix it");
    Condition degraded =
        Condition.of(Condition.DEGRADED, ConditionStatus.TRUE, "FrontendUnavailable", "no FE");
    assertThat(GroupEvents.degraded("ns", "g", degraded, T).message())
        .isEqualTo("FrontendUnavailable: no FE");
  }
}
