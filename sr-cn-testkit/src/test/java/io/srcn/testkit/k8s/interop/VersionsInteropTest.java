package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 8 with kubectl 1.32: {@code kubectl autoscale} creates an HPA through
 * autoscaling/v1 and {@code kubectl get hpa} reads it through v2 (one stored object); an Event
 * written through core/v1 is read through events.k8s.io/v1.
 */
class VersionsInteropTest extends MockServerInterop {

  @Test
  void kubectlAutoscaleWritesV1AndGetHpaReadsV2() throws Exception {
    k8s.client()
        .apps()
        .statefulSets()
        .inNamespace("default")
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withServiceName("web")
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("starrocks/cn-ubuntu:3.3.5")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    kubectl("autoscale", "statefulset", "web", "--min=2", "--max=5", "--cpu-percent=60");
    assertThat(
            kubectl(
                "get",
                "hpa",
                "web",
                "-o",
                "jsonpath={.apiVersion} {.spec.metrics[0].resource.name}"
                    + " {.spec.metrics[0].resource.target.averageUtilization}"))
        .isEqualTo("autoscaling/v2 cpu 60");
    assertThat(
            kubectl(
                "get",
                "horizontalpodautoscalers.v1.autoscaling",
                "web",
                "-o",
                "jsonpath={.apiVersion} {.spec.targetCPUUtilizationPercentage}"))
        .isEqualTo("autoscaling/v1 60");
    // the table of printers.go, TARGETS included (kubectl get uses v2, the preferred version)
    assertThat(kubectl("get", "hpa").lines().toList())
        .element(1)
        .asString()
        .matches("web\\s+StatefulSet/web\\s+cpu: <unknown>/60%\\s+2\\s+5\\s+0\\s+\\d+s");
    // a v2 patch is seen through v1
    kubectl("patch", "hpa", "web", "--type=merge", "-p", "{\"spec\":{\"maxReplicas\":8}}");
    assertThat(
            kubectl(
                "get",
                "horizontalpodautoscalers.v1.autoscaling",
                "web",
                "-o",
                "jsonpath={.spec.maxReplicas}"))
        .isEqualTo("8");
  }

  @Test
  void anEventWrittenThroughCoreIsReadThroughEventsK8sIo() throws Exception {
    k8s.client()
        .v1()
        .events()
        .inNamespace("default")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("e1")
                .endMetadata()
                .withReason("SuccessfulCreate")
                .withMessage("create Pod web-0 in StatefulSet web successful")
                .withType("Normal")
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("StatefulSet")
                        .withName("web")
                        .withNamespace("default")
                        .build())
                .build())
        .create();
    assertThat(
            kubectl(
                "get",
                "events.v1.events.k8s.io",
                "e1",
                "-o",
                "jsonpath={.apiVersion} {.regarding.name} {.note}"))
        .isEqualTo("events.k8s.io/v1 web create Pod web-0 in StatefulSet web successful");
    assertThat(
            kubectl(
                "get",
                "events.v1.events.k8s.io",
                "--field-selector=regarding.name=web",
                "-o",
                "name"))
        .contains("e1");
  }
}
