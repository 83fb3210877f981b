package io.srcn.testkit.k8s.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.Transition;
import io.srcn.testkit.k8s.Transition.Type;
import io.srcn.testkit.k8s.internal.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransitionDetectorTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05.123456789Z");

  private static JsonNode pod(String phase, boolean ready, int restarts, boolean terminating) {
    return Json.parse(
        "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"namespace\":\"ns\",\"name\":\"g-cn-0\""
            + (terminating ? ",\"deletionTimestamp\":\"2025-01-02T03:04:05Z\"" : "")
            + "},\"spec\":{\"nodeName\":\"srcn-mock-node\"},\"status\":{"
            + (phase == null ? "" : "\"phase\":\"" + phase + "\",")
            + "\"conditions\":[{\"type\":\"Ready\",\"status\":\""
            + (ready ? "True" : "False")
            + "\"}],\"containerStatuses\":[{\"restartCount\":"
            + restarts
            + "}]}}");
  }

  private static List<Type> types(List<Transition> ts) {
    return ts.stream().map(Transition::type).toList();
  }

  @Test
  void aPodsTransitionsNameItsIncarnationByUidUpToItsDeletion() {
    JsonNode created =
        Json.parse(
            pod(null, false, 0, false)
                .toString()
                .replace("\"name\":\"g-cn-0\"", "\"name\":\"g-cn-0\",\"uid\":\"u-1\""));
    JsonNode ready =
        Json.parse(
            pod("Running", true, 0, false)
                .toString()
                .replace("\"name\":\"g-cn-0\"", "\"name\":\"g-cn-0\",\"uid\":\"u-1\""));
    assertThat(TransitionDetector.between(null, created, AT))
        .extracting(Transition::uid)
        .containsOnly("u-1");
    assertThat(TransitionDetector.between(ready, null, AT))
        .singleElement()
        .satisfies(t -> assertThat(t.type()).isEqualTo(Type.POD_DELETED))
        .satisfies(t -> assertThat(t.uid()).isEqualTo("u-1"));
    assertThat(TransitionDetector.between(null, pod(null, false, 0, false), AT))
        .extracting(Transition::uid)
        .containsOnly("");
  }

  @Test
  void everyTransitionCarriesTheInstantTheStoreChanged() {
    List<Transition> ts =
        TransitionDetector.between(
            pod("Running", false, 0, false), pod("Running", true, 0, false), AT);
    assertThat(ts).singleElement().satisfies(t -> assertThat(t.time()).isEqualTo(AT));
    assertThat(ts.get(0).type()).isEqualTo(Type.POD_READY);
  }

  @Test
  void podLifecycle() {
    assertThat(types(TransitionDetector.between(null, pod(null, false, 0, false), AT)))
        .containsExactly(Type.POD_CREATED);
    assertThat(
            types(
                TransitionDetector.between(
                    pod("Pending", false, 0, false), pod("Running", false, 0, false), AT)))
        .containsExactly(Type.POD_RUNNING);
    assertThat(
            types(
                TransitionDetector.between(
                    pod("Running", true, 0, false), pod("Running", false, 1, false), AT)))
        .containsExactly(Type.POD_RESTARTED, Type.POD_NOT_READY);
    assertThat(
            types(
                TransitionDetector.between(
                    pod("Running", true, 0, false), pod("Running", true, 0, true), AT)))
        .containsExactly(Type.POD_TERMINATING);
    assertThat(types(TransitionDetector.between(pod("Running", false, 0, true), null, AT)))
        .containsExactly(Type.POD_DELETED);
  }

  @Test
  void statefulSetReplicasFromCreationAndChanges() {
    JsonNode one = Json.parse(sts(1));
    JsonNode three = Json.parse(sts(3));
    assertThat(TransitionDetector.between(null, one, AT))
        .singleElement()
        .satisfies(t -> assertThat(t.from() + "->" + t.to()).isEqualTo("0->1"));
    assertThat(TransitionDetector.between(one, three, AT))
        .singleElement()
        .satisfies(t -> assertThat(t.from() + "->" + t.to()).isEqualTo("1->3"));
    assertThat(TransitionDetector.between(three, three, AT)).isEmpty();
    assertThat(TransitionDetector.between(three, null, AT)).isEmpty();
  }

  private static String sts(int replicas) {
    return "{\"kind\":\"StatefulSet\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"namespace\":\"ns\","
        + "\"name\":\"g-cn\"},\"spec\":{\"replicas\":"
        + replicas
        + "}}";
  }
}
