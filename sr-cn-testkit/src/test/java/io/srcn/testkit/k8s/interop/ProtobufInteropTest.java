package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 2: kubectl 1.32 sends protobuf bodies for {@code create namespace|configmap|secret}
 * and {@code autoscale}, and a 415 does not make it fall back to JSON (client-go rest/client.go
 * falls back only for CBOR), so the mock decodes those kinds.
 */
class ProtobufInteropTest extends MockServerInterop {

  @Test
  void kubectlCreateNamespaceConfigMapAndSecret() throws Exception {
    assertThat(kubectl("create", "namespace", "team")).contains("namespace/team created");
    assertThat(
            kubectl(
                "create",
                "configmap",
                "c",
                "-n",
                "team",
                "--from-literal=a=1",
                "--from-literal=b=two"))
        .contains("configmap/c created");
    assertThat(kubectl("create", "secret", "generic", "s", "-n", "team", "--from-literal=p=pw"))
        .contains("secret/s created");

    Namespace ns = k8s.client().namespaces().withName("team").get();
    assertThat(ns.getStatus().getPhase()).isEqualTo("Active");
    ConfigMap cm = k8s.client().configMaps().inNamespace("team").withName("c").get();
    assertThat(cm.getData()).isEqualTo(Map.of("a", "1", "b", "two"));
    Secret s = k8s.client().secrets().inNamespace("team").withName("s").get();
    assertThat(new String(Base64.getDecoder().decode(s.getData().get("p")), StandardCharsets.UTF_8))
        .isEqualTo("pw");
  }

  @Test
  void kubectlAutoscaleCreatesAnAutoscalingV1Hpa() throws Exception {
    kubectl("create", "namespace", "apps");
    k8s.client()
        .apps()
        .statefulSets()
        .inNamespace("apps")
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
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
    assertThat(
            kubectl(
                "autoscale",
                "statefulset",
                "web",
                "-n",
                "apps",
                "--min=2",
                "--max=5",
                "--cpu-percent=60"))
        .contains("horizontalpodautoscaler.autoscaling/web autoscaled");
    // kubectl 1.32 creates it through autoscaling/v1 (read back there; VersionsInteropTest reads
    // it through v2)
    HorizontalPodAutoscaler hpa =
        k8s.client()
            .autoscaling()
            .v1()
            .horizontalPodAutoscalers()
            .inNamespace("apps")
            .withName("web")
            .get();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getTargetCPUUtilizationPercentage()).isEqualTo(60);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
  }

  @Test
  void anUnmodelledProtobufKindIs415NamingIt() throws Exception {
    byte[] body = {
      0x6b, 0x38, 0x73, 0x00, 0x0a, 0x0b, 0x0a, 0x02, 'v', '1', 0x12, 0x05, 'E', 'v', 'e', 'n', 't',
      0x12, 0x00
    };
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(k8s.url() + "/api/v1/namespaces/default/events"))
                    .header("Content-Type", "application/vnd.kubernetes.protobuf")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("not v1/Event");
  }
}
