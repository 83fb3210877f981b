package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The usage example of the README, kept here so that it compiles and stays true. */
class ReadmeExampleTest {
  @Test
  void readmeExampleBuildsTheSpecItShows() {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroups.create("analytics")
            .inNamespace("starrocks")
            .image("starrocks/cn-ubuntu:3.3.5")
            .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
            .config("sys_log_level", "INFO")
            .autoscale(
                Autoscaling.between(1, 10)
                    .onCpu(60)
                    .onMemory(30)
                    .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                    .scaleDownDisabled())
            .registerWith(
                Frontend.at("fe-0.fe-search.starrocks.svc:9030", "fe-1.fe-search.starrocks.svc")
                    .credentials(Credentials.fromSecret("fe-account")))
            .validate();

    assertThat(spec.namespace()).isEqualTo("starrocks");
    assertThat(spec.autoscaling().orElseThrow().maxReplicas()).isEqualTo(10);
    assertThat(spec.frontend().orElseThrow().addresses()).hasSize(2);
    assertThat(spec.config()).containsEntry("sys_log_level", "INFO");
    assertThat(ComputeNodeGroupSpec.fromYaml(spec.toYaml())).isEqualTo(spec);
  }
}
