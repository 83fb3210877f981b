package io.srcn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.GroupStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs {@link ControllerExample} in-process on the testkit with a short Lease. */
class ControllerExampleTest {
  @Test
  void standbyTakesOverWhenTheLeaderStopsAndKeepsBothGroupsConverged() {
    Output out = new Output();

    ControllerExample.Result r = ControllerExample.run(out.stream(), Duration.ofSeconds(3));

    assertThat(r.firstLeader()).isIn("controller-a", "controller-b");
    assertThat(r.secondLeader()).isIn("controller-a", "controller-b").isNotEqualTo(r.firstLeader());
    assertThat(r.takeover()).isLessThan(Duration.ofSeconds(30));
    assertThat(r.feNodes())
        .containsExactly(
            "analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050",
            "reports-cn-0.reports-cn-search.starrocks.svc.cluster.local:9050",
            "reports-cn-1.reports-cn-search.starrocks.svc.cluster.local:9050");
    assertThat(r.statuses()).extracting(GroupStatus::name).containsExactly("analytics", "reports");
    assertThat(r.statuses()).allMatch(ControllerExample::settled);
    assertThat(out.text())
        .contains("stopped " + r.firstLeader() + " (the leader)")
        .contains(r.secondLeader() + " took over")
        .contains("the FE lists 7 nodes, all alive")
        .contains("event NodeDropped");
  }
}
