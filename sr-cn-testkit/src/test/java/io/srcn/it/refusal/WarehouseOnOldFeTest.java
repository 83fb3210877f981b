package io.srcn.it.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Condition;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3, on a 3.3 FE (the {@link ItCluster} default): a warehouse that FE cannot have
 * is reported as Degraded without sending a statement its grammar rejects (moved out of {@link
 * FeRefusalTest}, whose FE is the latest version).
 */
@ItCluster
class WarehouseOnOldFeTest {
  @Test
  void aWarehouseA33FeCannotHaveIsReportedWithoutSendingTheStatement(
      FakeFrontend fe, MockKubernetes k8s) {
    Cluster old = new Cluster(fe, k8s);
    try (ComputeNodeGroup g =
        old.spec("g")
            .replicas(1)
            .warehouse("wh_etl")
            .deploy(old.k8s.client(), CredentialsResolver.literalOnly())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> degraded(g.reconcile()).isTrue());
      assertThat(degraded(g.status()).message())
          .contains("warehouse wh_etl cannot be used with FE 3.3.5")
          .contains("INTO WAREHOUSE");
      assertThat(old.alters()).as("no statement the 3.3 grammar rejects").isEmpty();

      g.update(s -> s.warehouse("default_warehouse"));
      g.awaitReady(Duration.ofSeconds(30));
      assertThat(old.alters())
          .singleElement()
          .satisfies(sql -> assertThat(sql).doesNotContainIgnoringCase("WAREHOUSE"));
      g.delete();
    }
  }

  private static Condition degraded(GroupStatus s) {
    return s.condition(Condition.DEGRADED).orElseThrow();
  }
}
