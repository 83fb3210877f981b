package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.InvalidSpecException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControllerSettingsTest {
  private KubernetesClient kube;

  @BeforeEach
  void client() {
    kube = new KubernetesClientBuilder().build();
  }

  @AfterEach
  void close() {
    kube.close();
  }

  @Test
  void outOfRangeSettingsAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> builder().resyncPeriod(Duration.ofMillis(10)).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("resyncPeriod");
    assertThatThrownBy(() -> builder().workers(0).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("workers 0");
    assertThatThrownBy(() -> builder().batchWindow(Duration.ofSeconds(6)).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("batchWindow PT6S must be 0..5 s");
    assertThatThrownBy(() -> builder().batchWindow(Duration.ofMillis(-1)).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("batchWindow");
    assertThatThrownBy(
            () ->
                builder().leaderElection("ns", "lease", "me").leaseDuration(Duration.ZERO).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("leaseDuration");
  }

  private ComputeNodeController.Builder builder() {
    return ComputeNodeController.builder(kube).credentialsResolver((c, ns) -> c);
  }
}
