package io.srcn.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.sdk.AddressMode;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.Transition;
import io.srcn.testkit.k8s.Transition.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit's judging of a POD_IP group's ADDs and DROPs against a synthetic history in which pod
 * {@code g-cn-1} is rolled: incarnation {@code u1} (IP 10.0.0.1) leaves the store at 11 s and
 * {@code u2} (IP 10.0.0.2) takes its name. Deletion times come from the history (server-side), and
 * the uid, not the reused pod name, picks the incarnation.
 */
class StatementAuditTest {
  private static final String NS = "ns";
  private static final Instant T0 = Instant.parse("2026-12-03T05:00:00Z");
  private static final GroupPlan GROUP = new GroupPlan("g", AddressMode.POD_IP, false, 2, 0);
  private static final PodWatch PODS =
      PodWatch.of(
          new PodWatch.Incarnation("g-cn-1", "u1", "10.0.0.1"),
          new PodWatch.Incarnation("g-cn-1", "u2", "10.0.0.2"));

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  private static Transition pod(double s, Type type, String uid) {
    return new Transition(at(s), type, NS, "g-cn-1", -1, -1, uid);
  }

  private static List<String> audit(StatementRecord... statements) {
    List<Transition> h = new ArrayList<>();
    h.add(new Transition(at(0), Type.REPLICAS_CHANGED, NS, "g-cn", 0, 2, "sts"));
    h.add(pod(1, Type.POD_CREATED, "u1"));
    h.add(pod(2, Type.POD_RUNNING, "u1"));
    h.add(pod(3, Type.POD_READY, "u1"));
    h.add(pod(10, Type.POD_TERMINATING, "u1"));
    h.add(pod(10, Type.POD_NOT_READY, "u1"));
    h.add(pod(11, Type.POD_DELETED, "u1"));
    h.add(pod(11.1, Type.POD_CREATED, "u2"));
    h.add(pod(12, Type.POD_RUNNING, "u2"));
    h.add(pod(13, Type.POD_READY, "u2"));
    StatementAudit audit =
        new StatementAudit(
            new Timeline(h, NS), new Ownership(NS, List.of(GROUP), PODS), PODS, Set.of(), Map.of());
    return audit.audit(List.of(statements));
  }

  private static StatementRecord drop(String ip, double s) {
    return StatementRecord.ok(1, "root", "ALTER SYSTEM DROP COMPUTE NODE '" + ip + ":9050'", at(s));
  }

  private static StatementRecord add(String ip, double s) {
    return StatementRecord.ok(1, "root", "ALTER SYSTEM ADD COMPUTE NODE '" + ip + ":9050'", at(s));
  }

  @Test
  void droppingTheOldIncarnationsIpAfterItLeftTheStoreIsJustifiedHoweverLateAWatchLearnedOfIt() {
    assertThat(audit(drop("10.0.0.1", 11.9), drop("10.0.0.1", 30))).isEmpty();
  }

  @Test
  void droppingTheOldIncarnationsIpWhileItIsOnlyTerminatingIsAWrongDrop() {
    assertThat(audit(drop("10.0.0.1", 10.5)))
        .singleElement()
        .asString()
        .startsWith("WRONG_DROP: DROP 10.0.0.1:9050")
        .contains("uid=u1", "deleted at " + at(11));
  }

  @Test
  void droppingTheLiveIncarnationsIpIsAWrongDropThoughItsPodNameWasDeletedBefore() {
    assertThat(audit(drop("10.0.0.2", 14)))
        .singleElement()
        .asString()
        .startsWith("WRONG_DROP: DROP 10.0.0.2:9050")
        .contains("pod g-cn-1 Ready, existing, replicas 2");
  }

  @Test
  void addingAnIncarnationWhileItWasReadyWithinTheSlackIsJustified() {
    assertThat(audit(add("10.0.0.1", 3.5), add("10.0.0.1", 11.5), add("10.0.0.2", 13.5))).isEmpty();
  }

  @Test
  void addingTheOldIncarnationsIpIsPrematureEvenWhenAnotherIncarnationOfThePodIsReady() {
    assertThat(audit(add("10.0.0.1", 13.5)))
        .singleElement()
        .asString()
        .startsWith("PREMATURE_ADD: ADD 10.0.0.1:9050")
        .contains("deleted at " + at(11));
    assertThat(audit(add("10.0.0.1", 12.5)))
        .singleElement()
        .asString()
        .contains("not Ready within the slack");
  }
}
