package io.srcn.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.junit.CnTestkitExtension;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A literal FE password reaches the FE and nothing else the SDK writes or returns. */
class NoSecretLeakTest {
  private static final String PASSWORD = "pw-9c1f-never-print-me";

  @RegisterExtension
  static final CnTestkitExtension KIT =
      CnTestkitExtension.builder()
          .frontend(
              f ->
                  f.rootPassword(PASSWORD)
                      .heartbeatInterval(Duration.ofMillis(Cluster.HEARTBEAT_MILLIS)))
          .kubernetes(k -> k.namespaces(Cluster.NS))
          .build();

  @Test
  void literalPasswordAppearsInNoObjectEventStatusOrSpecDocument(
      FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s)) {
      List<String> texts = new ArrayList<>();
      try (ComputeNodeGroup g =
          c.spec("g").replicas(2).deploy(c.k8s.client(), CredentialsResolver.literalOnly())) {
        GroupStatus status = g.awaitReady(Duration.ofSeconds(60));
        g.scale(1);
        g.reconcile();
        c.fe.stop();
        GroupStatus down = g.reconcile();
        texts.add(status.toJson());
        texts.add(status.toTable());
        texts.add(down.toJson());
        texts.add(g.spec().toYaml());
        texts.add(g.spec().toCanonicalJson());
        texts.add(g.spec().toString());
        texts.add(g.spec().render().toYaml());
        texts.add(g.toString());
      }
      KubernetesClient kube = c.k8s.client();
      texts.add(Serialization.asJson(kube.apps().statefulSets().inAnyNamespace().list()));
      texts.add(Serialization.asJson(kube.configMaps().inAnyNamespace().list()));
      texts.add(Serialization.asJson(kube.v1().events().inAnyNamespace().list()));
      texts.add(Serialization.asJson(kube.pods().inAnyNamespace().list()));
      assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD));
      assertThat(texts.get(2)).contains("Degraded");
    }
  }
}
