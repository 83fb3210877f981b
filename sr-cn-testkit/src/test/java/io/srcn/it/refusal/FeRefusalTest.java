package io.srcn.it.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Condition;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 14, section 3: when the FE refuses an ADD for a reason retrying cannot fix (here an unknown
 * warehouse), the group says so (Degraded=True with the FE's own message and what the statement was
 * for, on every pass, also {@code status()}), a Kubernetes Event tells {@code kubectl describe},
 * and the SDK does not send the statement again within its backoff. A spec change clears it.
 */
// it measures how many ADDs ten passes send within the elapsed time (the backoff doubles from
// 1 s): run alone, so that other classes do not stretch the passes past the backoff windows
@Isolated
@CnTestkit(
    feVersion = FeVersion.LATEST,
    heartbeatMillis = Cluster.HEARTBEAT_MILLIS,
    namespaces = Cluster.NS)
class FeRefusalTest {
  private Cluster c;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  @Test
  void anAddTheFeRefusesForGoodIsReportedAndNotRepeated() {
    try (ComputeNodeGroup g =
        c.spec("g")
            .replicas(1)
            .warehouse("wh_etl")
            .deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> degraded(g.reconcile()).isTrue());
      long addsBefore = adds();
      long started = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        g.reconcile();
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      GroupStatus status = g.status();
      Condition degraded = degraded(status);
      assertThat(degraded.isTrue()).isTrue();
      assertThat(degraded.message())
          .contains("wh_etl")
          .contains("not exist")
          .contains("register pods (ALTER SYSTEM ADD COMPUTE NODE)");
      // backoff 1 s, 2 s, 4 s ...: within 3 s of the first refusal at most one retry
      assertThat(adds() - addsBefore)
          .as("ADDs in %d s of ten passes", seconds)
          .isLessThanOrEqualTo(seconds < 2 ? 1 : 2);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  events().stream()
                      .anyMatch(e -> String.valueOf(e.getMessage()).contains("wh_etl")));

      g.update(s -> s.warehouse("default_warehouse"));
      GroupStatus fixed = g.awaitReady(Duration.ofSeconds(30));
      assertThat(degraded(fixed).isTrue()).isFalse();
      g.delete();
    }
  }

  private static Condition degraded(GroupStatus s) {
    return s.condition(Condition.DEGRADED).orElseThrow();
  }

  private long adds() {
    return c.alters().stream()
        .filter(s -> s.toUpperCase(Locale.ROOT).startsWith("ALTER SYSTEM ADD"))
        .count();
  }

  private List<Event> events() {
    return c.k8s.client().v1().events().inNamespace(Cluster.NS).list().getItems();
  }
}
