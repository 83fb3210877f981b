package io.srcn.sdk.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {
  @Test
  void extraLiveFieldsAreIgnored() {
    Map<String, Object> desired = Map.of("spec", Map.of("serviceName", "g-cn-search"));
    Map<String, Object> live =
        Map.of(
            "spec", Map.of("serviceName", "g-cn-search", "revisionHistoryLimit", 10),
            "status", Map.of("replicas", 3));
    assertThat(ObjectDiff.changedPaths(desired, live)).isEmpty();
  }

  @Test
  void aChangedScalarIsNamedByItsPath() {
    Map<String, Object> desired =
        Map.of("spec", Map.of("containers", List.of(Map.of("name", "cn", "image", "cn:2"))));
    Map<String, Object> live =
        Map.of(
            "spec",
            Map.of("containers", List.of(Map.of("name", "cn", "image", "cn:1", "tty", false))));
    assertThat(ObjectDiff.changedPaths(desired, live)).containsExactly("spec.containers[cn].image");
  }

  @Test
  void mapKeysWithDotsOrSlashesAreBracketed() {
    Map<String, Object> desired =
        Map.of("metadata", Map.of("annotations", Map.of("srcn.io/config-hash", "b")));
    Map<String, Object> live =
        Map.of("metadata", Map.of("annotations", Map.of("srcn.io/config-hash", "a")));
    assertThat(ObjectDiff.changedPaths(desired, live))
        .containsExactly("metadata.annotations[srcn.io/config-hash]");
  }

  @Test
  void quantitiesCompareNumerically() {
    Map<String, Object> desired =
        Map.of("resources", Map.of("requests", Map.of("cpu", "1", "memory", "1Gi")));
    Map<String, Object> live =
        Map.of("resources", Map.of("requests", Map.of("cpu", "1000m", "memory", "1073741824")));
    assertThat(ObjectDiff.changedPaths(desired, live)).isEmpty();
    Map<String, Object> bigger = Map.of("resources", Map.of("requests", Map.of("cpu", "2")));
    assertThat(ObjectDiff.changedPaths(bigger, live)).containsExactly("resources.requests.cpu");
  }

  @Test
  void quantityRulesApplyOnlyToQuantityFields() {
    assertThat(ObjectDiff.changedPaths(Map.of("image", "1"), Map.of("image", "1000m")))
        .containsExactly("image");
  }

  @Test
  void numbersCompareByValueAcrossTypes() {
    assertThat(ObjectDiff.changedPaths(Map.of("n", 120L), Map.of("n", 120))).isEmpty();
    assertThat(ObjectDiff.changedPaths(Map.of("n", 120L), Map.of("n", 121))).containsExactly("n");
  }

  @Test
  void emptyDesiredContainersMatchAbsentOnes() {
    assertThat(ObjectDiff.changedPaths(Map.of("args", List.of()), Map.of())).isEmpty();
    assertThat(ObjectDiff.changedPaths(Map.of("labels", Map.of()), Map.of())).isEmpty();
  }

  @Test
  void emptyDesiredListAgainstNonEmptyLiveListIsAChange() {
    assertThat(ObjectDiff.changedPaths(Map.of("args", List.of()), Map.of("args", List.of("x"))))
        .containsExactly("args");
  }

  @Test
  void listsOfDifferentLengthDiffer() {
    Map<String, Object> desired = Map.of("env", List.of(Map.of("name", "A", "value", "1")));
    Map<String, Object> live =
        Map.of(
            "env", List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")));
    assertThat(ObjectDiff.changedPaths(desired, live)).containsExactly("env");
  }

  @Test
  void aMissingLiveObjectPartIsReported() {
    assertThat(ObjectDiff.changedPaths(Map.of("spec", Map.of("replicas", 3)), Map.of()))
        .containsExactly("spec");
  }

  @Test
  void removedPathsFindFieldsThePreviousRenderingHad() {
    Map<String, Object> previous =
        Map.of(
            "spec",
            Map.of("replicas", 3, "template", Map.of("nodeSelector", Map.of("zone", "a"), "x", 1)));
    Map<String, Object> current = Map.of("spec", Map.of("template", Map.of("x", 1)));
    assertThat(ObjectDiff.removedPaths(previous, current))
        .containsExactlyInAnyOrder("spec.replicas", "spec.template.nodeSelector");
  }

  @Test
  void removedPathsFindShorterLists() {
    Map<String, Object> previous = Map.of("env", List.of(Map.of("name", "A"), Map.of("name", "B")));
    Map<String, Object> current = Map.of("env", List.of(Map.of("name", "A")));
    assertThat(ObjectDiff.removedPaths(previous, current)).containsExactly("env");
    assertThat(ObjectDiff.removedPaths(current, previous)).isEmpty();
  }
}
