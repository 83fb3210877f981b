package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Import of seed-era {@code starrocks.com/v1alpha1 ComputeNodeGroup} manifests. */
class LegacyManifestTest {
  private static final Autoscaling SEED_POLICY =
      Autoscaling.between(1, 10)
          .onCpu(60)
          .onMemory(30)
          .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
          .scaleDownDisabled();

  /** The warning every import carries: the seed had no volumes and logged to files. */
  static final String NO_VOLUMES =
      "spec.podPolicy: the seed mounted no storage volume and logged to files in the container:"
          + " the imported spec keeps the data cache in the container (add a storage volume with"
          + " purpose(VolumePurpose.DATA)) and logs to the console (kubectl logs;"
          + " logs(LogOutput.FILES) for files)";

  @Test
  void theSeedExampleTranslatesExactly() throws Exception {
    LegacyImport imported = ComputeNodeGroups.fromLegacyManifest(fixture());
    ComputeNodeGroupSpec spec = imported.spec();

    assertThat(spec.autoscaling()).contains(SEED_POLICY);
    ComputeNodeGroupSpec expected =
        ComputeNodeGroups.create("computenodegroup-sample")
            .inNamespace("starrocks")
            .image("starrocks/sr-cn-test:v3")
            .replicas(1)
            .autoscale(SEED_POLICY)
            .registerWith(
                Frontend.at("172.26.92.1:9030").credentials(Credentials.fromSecret("test-secret")))
            .addressMode(AddressMode.POD_IP)
            .podLabel("team", "analytics")
            .podLabel("tier", "compute")
            .podAnnotation("owner", "data-platform")
            .nodeSelector("node-role.kubernetes.io/cn", "true")
            .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
            .imagePullSecret("registry-credentials")
            .affinity(
                new AffinityBuilder()
                    .withNewPodAntiAffinity()
                    .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                    .withWeight(100)
                    .withNewPodAffinityTerm()
                    .withTopologyKey("kubernetes.io/hostname")
                    .withNewLabelSelector()
                    .addToMatchLabels("cn", "computenodegroup-sample")
                    .endLabelSelector()
                    .endPodAffinityTerm()
                    .endPreferredDuringSchedulingIgnoredDuringExecution()
                    .endPodAntiAffinity()
                    .build())
            .securityContext(
                new PodSecurityContextBuilder().withRunAsUser(1000L).withFsGroup(1000L).build())
            .command("/opt/starrocks/cn/bin/start_cn.sh");
    assertThat(spec).isEqualTo(expected);
    assertThat(spec.frontend().orElseThrow().credentials().userKey()).isEqualTo("FE_USR");
    assertThat(spec.frontend().orElseThrow().credentials().passwordKey()).isEqualTo("FE_PWD");
    assertThat(spec.validate()).isSameAs(spec);
  }

  @Test
  void everythingNotCarriedOverIsAWarningNamingTheField() throws Exception {
    LegacyImport imported = ComputeNodeGroups.fromLegacyManifest(fixture());

    assertThat(imported.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("spec.images.componentsImage: "))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("spec.cnInfo.configMap: ")
                    .contains("'test-configmap'")
                    .contains("config(key, value)"))
        .anySatisfy(w -> assertThat(w).startsWith("spec.cronJobPolicy: "))
        .anySatisfy(w -> assertThat(w).startsWith("spec.podPolicy.command: "))
        .anySatisfy(w -> assertThat(w).startsWith("spec.podPolicy.args: '--daemon' dropped"))
        .contains(NO_VOLUMES)
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration: "))
        .hasSize(7);
  }

  @Test
  void unknownFieldsAnywhereBecomeWarnings() {
    String manifest =
        """
        apiVersion: starrocks.com/v1alpha1
        kind: ComputeNodeGroup
        metadata: {name: g, uid: 1234, colour: blue}
        spec:
          images: {cnImage: starrocks/cn:1, sidecarImage: x}
          feInfo: {addresses: ["fe:9030"], accountSecret: s, timeout: 3}
          replicas: 2
          tolerationz: []
          podPolicy: {hostNetwork: true}
          autoScalingPolicy:
            maxReplicas: 3
            version: v2
            hpaPolicy:
              metrics: []
              behavior: {scaleUp: {policies: [], tolerance: 0.1}}
        status: {replicas: 2}
        """;
    LegacyImport imported = ComputeNodeGroups.fromLegacyManifest(new StringReader(manifest));
    assertThat(imported.warnings())
        .containsExactlyInAnyOrder(
            NO_VOLUMES,
            "metadata.colour: unknown field, not carried over",
            "metadata.uid: ignored: set by the API server",
            "spec.images.sidecarImage: unknown field, not carried over",
            "spec.feInfo.timeout: unknown field, not carried over",
            "spec.autoScalingPolicy.version: unknown field, not carried over",
            "spec.autoScalingPolicy.hpaPolicy.behavior.scaleUp.tolerance: unknown field, not"
                + " carried over",
            "spec.podPolicy.hostNetwork: unknown field, not carried over",
            "spec.tolerationz: unknown field, not carried over",
            "status: ignored: it is written by the legacy operator, not part of the desired state");
    assertThat(imported.spec().replicas()).isEqualTo(2);
    assertThat(imported.spec().autoscaling())
        .contains(Autoscaling.between(1, 3).scaleUpSelect(SelectPolicy.MAX));
  }

  @Test
  void otherMetricsPassThroughAndUnsupportedOnesAreWarnings() {
    String manifest =
        """
        apiVersion: starrocks.com/v1alpha1
        kind: ComputeNodeGroup
        metadata: {name: g}
        spec:
          images: {cnImage: starrocks/cn:1}
          feInfo: {addresses: ["fe"], accountSecret: s}
          replicas: 1
          autoScalingPolicy:
            minReplicas: 2
            maxReplicas: 8
            hpaPolicy:
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: AverageValue, averageValue: 1500m}}
                - type: Resource
                  resource: {name: ephemeral-storage, target: {type: Utilization, averageUtilization: 50}}
                - type: Pods
                  pods:
                    metric: {name: queries_per_second}
                    target: {type: AverageValue, averageValue: "100"}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 600
                  policies: [{type: Percent, value: 10, periodSeconds: 60}]
        """;
    LegacyImport imported = ComputeNodeGroups.fromLegacyManifest(new StringReader(manifest));
    Autoscaling expected =
        Autoscaling.between(2, 8)
            .onCpuAverage("1500m")
            .onMetric(
                new MetricSpecBuilder()
                    .withType("Pods")
                    .withNewPods()
                    .withNewMetric()
                    .withName("queries_per_second")
                    .endMetric()
                    .withNewTarget()
                    .withType("AverageValue")
                    .withNewAverageValue("100")
                    .endTarget()
                    .endPods()
                    .build())
            .scaleDown(ScalingRule.percent(10).every(Duration.ofSeconds(60)))
            .scaleDownStabilization(Duration.ofSeconds(600));
    assertThat(imported.spec().autoscaling()).contains(expected);
    assertThat(imported.spec().frontend().orElseThrow().addresses().get(0).port()).isEqualTo(9030);
    assertThat(imported.warnings())
        .containsExactly(
            NO_VOLUMES,
            "spec.autoScalingPolicy.hpaPolicy.metrics[1]: a Resource metric on ephemeral-storage"
                + " with this target cannot be carried over");
  }

  @Test
  void malformedFieldsAreErrorsWithManifestPaths() {
    String manifest =
        """
        apiVersion: starrocks.com/v1alpha1
        kind: ComputeNodeGroup
        metadata: {name: Sample}
        spec:
          images: {cnImage: "bad image"}
          feInfo: {addresses: ["<fe_ip>:<fe_query_port>"], accountSecret: Test_Secret}
          replicas: many
          autoScalingPolicy:
            minReplicas: 5
            maxReplicas: 2
            hpaPolicy:
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 600}}
              behavior:
                scaleUp: {policies: [{type: Pods, value: 0, periodSeconds: 10}]}
          podPolicy:
            resources: {requests: {cpu: lots}}
        """;
    assertThatThrownBy(() -> ComputeNodeGroups.fromLegacyManifest(new StringReader(manifest)))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder(
                        "spec.replicas",
                        "spec.feInfo.addresses[0]",
                        "spec.autoScalingPolicy.minReplicas",
                        "spec.autoScalingPolicy.hpaPolicy.metrics[0]",
                        "spec.autoScalingPolicy.hpaPolicy.behavior.scaleUp.policies[0].value",
                        "spec.podPolicy.resources.requests.cpu",
                        "metadata.name",
                        "spec.images.cnImage",
                        "spec.feInfo.accountSecret"));
  }

  @Test
  void aNewFormatDocumentIsNotALegacyManifest() {
    String doc = ComputeNodeGroups.create("g").toYaml();
    assertThatThrownBy(() -> ComputeNodeGroups.fromLegacyManifest(new StringReader(doc)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("apiVersion: 'srcn.io/v1' is not supported")
        .hasMessageContaining("fromYaml");
  }

  private static Reader fixture() {
    return new InputStreamReader(
        Objects.requireNonNull(
            LegacyManifestTest.class.getResourceAsStream("/legacy/computenodegroup-seed.yaml")),
        StandardCharsets.UTF_8);
  }
}
