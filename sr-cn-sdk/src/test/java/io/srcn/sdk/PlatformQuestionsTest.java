package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The additive API of issue 15 that needs no cluster: {@code Frontend.at(Collection<String>)},
 * {@link GroupObjectNames}, {@link ConditionReason} and the typed status questions.
 */
class PlatformQuestionsTest {

  @Test
  void frontendFromAListOfConfiguredStrings() {
    List<String> configured =
        List.of("fe-0.fe-search.sr.svc:9030", " fe-1.fe-search.sr.svc ", "[::1]");

    Frontend fe = Frontend.at(configured);

    assertThat(fe.addresses())
        .containsExactly(
            HostPort.of("fe-0.fe-search.sr.svc", 9030),
            HostPort.of("fe-1.fe-search.sr.svc", 9030),
            HostPort.of("::1", 9030));
  }

  @Test
  void frontendFromStringsNamesTheBadEntry() {
    assertThatThrownBy(() -> Frontend.at(List.of("fe-0:9030", "fe-1:99999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("FE addresses[1]: ")
        .hasMessageContaining("99999");
    assertThatThrownBy(() -> Frontend.at(Arrays.asList("fe-0", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FE addresses[1] must not be null");
    assertThatThrownBy(() -> Frontend.at(new ArrayList<String>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void objectNamesFollowTheGroupNameNamespaceAndDomain() {
    GroupObjectNames n =
        ComputeNodeGroups.create("acme").inNamespace("tenants").clusterDomain("corp").objectNames();

    assertThat(n.statefulSet()).isEqualTo("acme-cn");
    assertThat(n.headlessService()).isEqualTo("acme-cn-search");
    assertThat(n.configMap()).isEqualTo("acme-cn-config");
    assertThat(n.autoscaler()).isEqualTo("acme-cn-autoscaler");
    assertThat(n.podDisruptionBudget()).isEqualTo("acme-cn-pdb");
    assertThat(n.ledger()).isEqualTo("acme-cn-ledger");
    assertThat(n.pod(3)).isEqualTo("acme-cn-3");
    assertThat(n.podFqdn(0)).isEqualTo("acme-cn-0.acme-cn-search.tenants.svc.corp");
    assertThat(ComputeNodeGroups.objectNames("tenants", "acme").podFqdn(0))
        .isEqualTo("acme-cn-0.acme-cn-search.tenants.svc.cluster.local");
  }

  @Test
  void objectNamesRejectBadParts() {
    assertThatThrownBy(() -> new GroupObjectNames("ns", " ", "cluster.local"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> ComputeNodeGroups.objectNames("ns", "acme").pod(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinal");
    assertThatThrownBy(() -> ComputeNodeGroups.objectNames("ns", "Not_A_Label"))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void statusQuestions() {
    GroupStatus suspended =
        status(
            Condition.of(Condition.READY, ConditionStatus.FALSE, "Suspended", "suspended"),
            Condition.of(Condition.SCALING, ConditionStatus.TRUE, "ScalingIn", "3 -> 0"),
            Condition.of(Condition.DEGRADED, ConditionStatus.FALSE, "Healthy", "ok"));
    assertThat(suspended.isSuspended()).isTrue();
    assertThat(suspended.isScaling()).isTrue();
    assertThat(suspended.scalingReason()).contains(ConditionReason.SCALING_IN);
    assertThat(suspended.isDegraded()).isFalse();
    assertThat(suspended.degradedReason()).isEmpty();

    GroupStatus degraded =
        status(
            Condition.of(Condition.READY, ConditionStatus.UNKNOWN, "FrontendUnavailable", "down"),
            Condition.of(Condition.SCALING, ConditionStatus.FALSE, "Stable", "stable"),
            Condition.of(Condition.DEGRADED, ConditionStatus.TRUE, "FrontendUnavailable", "down"));
    assertThat(degraded.isSuspended()).isFalse();
    assertThat(degraded.isScaling()).isFalse();
    assertThat(degraded.scalingReason()).isEmpty();
    assertThat(degraded.isDegraded()).isTrue();
    assertThat(degraded.degradedReason()).contains(ConditionReason.FRONTEND_UNAVAILABLE);

    GroupStatus none = status();
    assertThat(none.isSuspended() || none.isScaling() || none.isDegraded()).isFalse();
  }

  @Test
  void aReasonUnknownToThisVersionIsEmptyNotAnError() {
    Condition c = Condition.of(Condition.DEGRADED, ConditionStatus.TRUE, "SomethingNew", "x");
    assertThat(c.knownReason()).isEmpty();
    assertThat(ConditionReason.of("NodesNotAlive")).contains(ConditionReason.NODES_NOT_ALIVE);
    assertThat(ConditionReason.NODES_NOT_ALIVE).hasToString("NodesNotAlive");
  }

  /**
   * Every reason string the status code writes has a constant: a new reason added to {@code
   * internal/status/Conditions.java} without one fails here.
   */
  @Test
  void everyReasonTheStatusCodeWritesIsAConstant() throws IOException {
    Path conditions = Path.of("src/main/java/io/srcn/sdk/internal/status/Conditions.java");
    Set<String> types = Set.of("Ready", "Registered", "Scaling", "Degraded");
    Pattern literal = Pattern.compile("\"([A-Z][A-Za-z]+)\"");
    Set<String> written =
        Files.readAllLines(conditions).stream()
            .map(String::strip)
            .filter(l -> !l.startsWith("*") && !l.startsWith("/") && !l.startsWith("//"))
            .flatMap(
                l -> {
                  Matcher m = literal.matcher(l);
                  List<String> found = new ArrayList<>();
                  while (m.find()) {
                    found.add(m.group(1));
                  }
                  return found.stream();
                })
            .filter(s -> !types.contains(s))
            .collect(Collectors.toSet());
    Set<String> constants =
        Arrays.stream(ConditionReason.values())
            .map(ConditionReason::reason)
            .collect(Collectors.toSet());

    assertThat(written).hasSizeGreaterThan(15);
    assertThat(constants).containsAll(written);
  }

  private static GroupStatus status(Condition... conditions) {
    return GroupStatus.builder()
        .namespace("ns")
        .name("g")
        .observedGeneration(1)
        .observedAt(java.time.Instant.EPOCH)
        .desiredReplicas(0)
        .currentReplicas(0)
        .readyReplicas(0)
        .conditions(List.of(conditions))
        .build();
  }
}
