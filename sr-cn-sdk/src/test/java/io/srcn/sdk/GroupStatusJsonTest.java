package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.status.StatusSamples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupStatusJsonTest {
  private static final String EMPTY_JSON =
      "{\"namespace\":\"ns\",\"name\":\"g\",\"observedGeneration\":0,"
          + "\"observedAt\":\"2026-11-25T10:00:00Z\",\"desiredReplicas\":0,\"currentReplicas\":0,"
          + "\"readyReplicas\":0,\"conditions\":[],\"nodes\":[],\"ghosts\":[]}";

  @Test
  void writesKeysInAStableOrderAndLeavesAbsentValuesOut() {
    GroupStatus s =
        GroupStatus.builder()
            .from(StatusSamples.empty())
            .addNodes(StatusSamples.pending(0))
            .addConditions(
                Condition.of(Condition.READY, ConditionStatus.UNKNOWN, "FrontendUnavailable", "x"))
            .build();
    assertThat(s.toJson())
        .isEqualTo(
            "{\"namespace\":\"ns\",\"name\":\"g\",\"observedGeneration\":0,"
                + "\"observedAt\":\"2026-11-25T10:00:00Z\",\"desiredReplicas\":0,"
                + "\"currentReplicas\":0,\"readyReplicas\":0,"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"Unknown\","
                + "\"reason\":\"FrontendUnavailable\",\"message\":\"x\"}],"
                + "\"nodes\":[{\"pod\":\"analytics-cn-0\",\"ordinal\":0,"
                + "\"address\":\"analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050\","
                + "\"phase\":\"Pending\",\"ready\":false,\"terminating\":false,\"restarts\":0,"
                + "\"registered\":false}],\"ghosts\":[]}");
    assertThat(StatusSamples.empty().toJson()).isEqualTo(EMPTY_JSON);
  }

  @Test
  void richStatusWritesEveryField() {
    String json = StatusSamples.rich().toJson();
    assertThat(json)
        .startsWith(
            "{\"namespace\":\"starrocks\",\"name\":\"analytics\",\"observedGeneration\":7,"
                + "\"observedAt\":\"2026-11-25T10:00:00Z\",\"desiredReplicas\":3,"
                + "\"currentReplicas\":3,\"readyReplicas\":3,\"hpa\":{\"minReplicas\":1,"
                + "\"maxReplicas\":10,\"currentReplicas\":3,\"desiredReplicas\":3,"
                + "\"lastScaleTime\":\"2026-11-25T09:40:00Z\",\"apiVersion\":\"autoscaling/v2\"},"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\","
                + "\"reason\":\"NodesNotAlive\"")
        .contains(
            "{\"pod\":\"analytics-cn-1\",\"ordinal\":1,\"address\":\"analytics-cn-1"
                + StatusSamples.FQDN_SUFFIX
                + "\",\"phase\":\"Running\",\"ready\":true,\"terminating\":false,\"restarts\":1,"
                + "\"registered\":true,\"alive\":false,\"statusCode\":\"DISCONNECTED\","
                + "\"lastHeartbeat\":\"2026-11-25T09:56:40Z\",\"runningQueries\":0,"
                + "\"errMsg\":\"java.net.UnknownHostException: analytics-cn-1\",\"hint\":\"FE cannot")
        .endsWith(
            "\"ghosts\":[{\"address\":\"analytics-cn-3"
                + StatusSamples.FQDN_SUFFIX
                + "\",\"ordinal\":3,\"alive\":false,"
                + "\"errMsg\":\"java.net.UnknownHostException: analytics-cn-3\","
                + "\"dropPending\":true}]}");
  }

  @Test
  void roundTripIsExact() {
    GroupStatus rich = StatusSamples.rich();
    assertThat(GroupStatus.fromJson(rich.toJson())).isEqualTo(rich);
    assertThat(GroupStatus.fromJson(rich.toJson()).toJson()).isEqualTo(rich.toJson());
    assertThat(GroupStatus.fromJson(EMPTY_JSON)).isEqualTo(StatusSamples.empty());
  }

  @Test
  void roundTripKeepsNanosecondsAndUnicodeAndControlCharacters() {
    Instant precise = Instant.parse("2026-11-25T10:00:00.123456789Z");
    NodeStatus node =
        NodeStatus.builder()
            .from(StatusSamples.unreachable(0))
            .lastHeartbeat(precise)
            .errMsg("échec \"quoted\"\n\ttab \u0001")
            .build();
    GroupStatus s =
        GroupStatus.builder()
            .from(StatusSamples.empty())
            .observedAt(precise)
            .observedGeneration(Long.MAX_VALUE)
            .addNodes(node)
            .build();
    GroupStatus back = GroupStatus.fromJson(s.toJson());
    assertThat(back).isEqualTo(s);
    assertThat(back.nodes().get(0).errMsg()).contains("échec \"quoted\"\n\ttab \u0001");
    assertThat(back.observedAt()).isEqualTo(precise);
  }

  @Test
  void unknownKeysAreIgnored() {
    String json = EMPTY_JSON.replace("\"name\":\"g\",", "\"name\":\"g\",\"futureField\":[1,2],");
    assertThat(GroupStatus.fromJson(json)).isEqualTo(StatusSamples.empty());
  }

  @Test
  void notJsonIsReportedWithTheParserMessage() {
    assertThatThrownBy(() -> GroupStatus.fromJson("{not json"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("status: not valid JSON: Unexpected character");
    assertThatThrownBy(() -> GroupStatus.fromJson("  "))
        .hasMessageContaining("status: expected JSON, got an empty text");
    assertThatThrownBy(() -> GroupStatus.fromJson("[1]"))
        .hasMessageContaining("status: expected a JSON object, got an array");
  }

  @Test
  void everyMissingOrMistypedFieldIsListedWithItsPath() {
    String json =
        "{\"namespace\":\"ns\",\"observedGeneration\":\"7\",\"observedAt\":\"yesterday\","
            + "\"desiredReplicas\":3.5,\"currentReplicas\":99999999999,\"readyReplicas\":0,"
            + "\"hpa\":{\"minReplicas\":1},"
            + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"Maybe\",\"reason\":\"R\","
            + "\"message\":\"m\"}],"
            + "\"nodes\":[7,{\"pod\":\"g-cn-1\",\"ordinal\":1,\"phase\":\"Running\","
            + "\"ready\":\"yes\",\"terminating\":false,\"restarts\":0,\"registered\":false}]}";
    assertThatThrownBy(() -> GroupStatus.fromJson(json))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "status.name: is required",
                        "status.observedGeneration: expected an integer, got the string '7'",
                        "status.observedAt: expected an ISO-8601 instant, got 'yesterday'",
                        "status.desiredReplicas: expected an integer, got 3.5",
                        "status.currentReplicas: expected a 32-bit integer, got 99999999999",
                        "status.hpa.maxReplicas: is required",
                        "status.hpa.currentReplicas: is required",
                        "status.hpa.desiredReplicas: is required",
                        "status.conditions[0].status: 'Maybe' is not a condition status"
                            + " (True, False or Unknown)",
                        "status.nodes[0]: expected an object, got 7",
                        "status.nodes[1].ready: expected true or false, got the string 'yes'"));
  }

  @Test
  void aValueThatFailsItsOwnChecksIsReportedUnderItsElement() {
    String json =
        EMPTY_JSON.replace(
            "\"ghosts\":[]",
            "\"ghosts\":[{\"address\":\"not an address\",\"ordinal\":-1,\"alive\":false,"
                + "\"dropPending\":false}]");
    assertThatThrownBy(() -> GroupStatus.fromJson(json))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("status.ghosts[0]: ghost.address: invalid address 'not an address'")
        .hasMessageContaining("status.ghosts[0]: ghost.ordinal: -1 must be >= 0");
  }
}
