package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/** The validator must reject what the API server rejects, or the render tests prove nothing. */
class KubernetesValidationTest {
  @Test
  void aValidStatefulSetPasses() {
    assertThat(KubernetesValidation.validate(valid())).isEmpty();
  }

  @Test
  void rejectsEachKindOfMistake() {
    StatefulSet bad =
        new StatefulSetBuilder(valid())
            .editMetadata()
            .addToLabels("bad label", "x")
            .addToAnnotations("ok/key", "v")
            .endMetadata()
            .editSpec()
            .editTemplate()
            .editSpec()
            .editFirstContainer()
            .editFirstPort()
            .withName("webserver-port-x")
            .endPort()
            .addNewEnv()
            .withName("1BAD")
            .withValue("v")
            .endEnv()
            .editStartupProbe()
            .withFailureThreshold(0)
            .endStartupProbe()
            .editResources()
            .addToRequests("cpu", new Quantity("2"))
            .addToLimits("cpu", new Quantity("1"))
            .endResources()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    assertThat(KubernetesValidation.validate(bad))
        .anyMatch(p -> p.startsWith("metadata.labels.bad label"))
        .anyMatch(p -> p.contains("ports[webserver-port-x].name: IANA_SVC_NAME"))
        .anyMatch(p -> p.contains("env[0].name: env var name"))
        .anyMatch(p -> p.contains("startupProbe.failureThreshold"))
        .anyMatch(p -> p.contains("requests.cpu: at most the limit"));
  }

  @Test
  void rejectsASelectorThatDoesNotMatchThePodLabels() {
    StatefulSet bad =
        new StatefulSetBuilder(valid())
            .editSpec()
            .editSelector()
            .addToMatchLabels("other", "x")
            .endSelector()
            .endSpec()
            .build();
    assertThat(KubernetesValidation.validate(bad)).anyMatch(p -> p.contains("match selector"));
  }

  @Test
  void portNamesFollowIanaSvcName() {
    assertThat(KubernetesValidation.validate(withPortName("heartbeat"))).isEmpty();
    assertThat(KubernetesValidation.validate(withPortName("Heartbeat"))).isNotEmpty();
    assertThat(KubernetesValidation.validate(withPortName("a--b"))).isNotEmpty();
    assertThat(KubernetesValidation.validate(withPortName("9050"))).isNotEmpty();
  }

  private static StatefulSet withPortName(String name) {
    return new StatefulSetBuilder(valid())
        .editSpec()
        .editTemplate()
        .editSpec()
        .editFirstContainer()
        .editFirstPort()
        .withName(name)
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static StatefulSet valid() {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("g-cn")
        .withNamespace("ns")
        .addToLabels("app.kubernetes.io/name", "starrocks-cn")
        .endMetadata()
        .withNewSpec()
        .withServiceName("g-cn-search")
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .addToMatchLabels("app", "cn")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "cn")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("cn")
        .withImage("starrocks/cn-ubuntu:3.3.5")
        .addNewPort()
        .withName("webserver")
        .withContainerPort(8040)
        .withProtocol("TCP")
        .endPort()
        .withNewStartupProbe()
        .withNewHttpGet()
        .withPath("/api/health")
        .withPort(new IntOrString(8040))
        .endHttpGet()
        .withPeriodSeconds(5)
        .withFailureThreshold(60)
        .endStartupProbe()
        .withNewResources()
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
