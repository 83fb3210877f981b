package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.Plan;
import io.srcn.sdk.naming.Labels;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cn.conf change updates the ConfigMap first, then rolls every pod through the config hash. */
@CnTestkit(namespaces = NAMESPACE)
class ConfigRolloutTest {
  private MockKubernetes k8s;
  private KubernetesClient kube;
  private GroupApplier applier;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    kube = k8s.client();
    applier = new GroupApplier(kube);
  }

  private List<Pod> pods() {
    return kube.pods().inNamespace(NAMESPACE).withLabels(Labels.selector("roll")).list().getItems();
  }

  private String templateHash() {
    return kube.apps()
        .statefulSets()
        .inNamespace(NAMESPACE)
        .withName("roll-cn")
        .get()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(Labels.CONFIG_HASH_ANNOTATION);
  }

  @Test
  void aConfigChangeRollsThePods() {
    ComputeNodeGroupSpec spec = ApplySpecs.fixed("roll");
    applier.apply(spec);
    String before = templateHash();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 3);
    assertThat(pods()).allSatisfy(p -> assertThat(hash(p)).isEqualTo(before));

    Plan result = applier.apply(spec.config("sys_log_level", "WARN"));

    assertThat(result.changes())
        .extracting(c -> c.kind() + " " + c.action())
        .containsSubsequence("ConfigMap UPDATE", "StatefulSet UPDATE");
    assertThat(result.action("Service")).contains(Action.UNCHANGED);
    String after = templateHash();
    assertThat(after).isNotEqualTo(before);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(pods())
                    .hasSize(3)
                    .allSatisfy(p -> assertThat(hash(p)).isEqualTo(after)));
  }

  private static String hash(Pod p) {
    return p.getMetadata().getAnnotations().get(Labels.CONFIG_HASH_ANNOTATION);
  }
}
