package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.Probes;
import io.srcn.sdk.RenderedGroup;
import io.srcn.sdk.naming.CnLayout;
import io.srcn.sdk.naming.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static Container cn(ComputeNodeGroupSpec spec) {
    return spec.render().statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static String configHash(ComputeNodeGroupSpec spec) {
    return spec.render()
        .statefulSet()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(Labels.CONFIG_HASH_ANNOTATION);
  }

  @Test
  void rendersTheFiveObjectsInOrderWithTheirNames() {
    List<HasMetadata> objects = ExampleSpecs.seedAutoscaling().render().objects();
    assertThat(objects)
        .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
        .containsExactly(
            "ConfigMap analytics-cn-config",
            "Service analytics-cn-search",
            "StatefulSet analytics-cn",
            "HorizontalPodAutoscaler analytics-cn-autoscaler",
            "PodDisruptionBudget analytics-cn-pdb");
  }

  @Test
  void withoutAutoscalingThereIsNoHpaAndReplicasAreSet() {
    RenderedGroup r = ExampleSpecs.minimal().replicas(3).render();
    assertThat(r.autoscaler()).isEmpty();
    assertThat(r.objects()).noneMatch(o -> o.getKind().equals("HorizontalPodAutoscaler"));
    assertThat(r.statefulSet().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void withAutoscalingReplicasAreLeftToTheHpa() {
    RenderedGroup r = ExampleSpecs.seedAutoscaling().replicas(7).render();
    assertThat(r.statefulSet().getSpec().getReplicas()).isNull();
    HorizontalPodAutoscaler hpa = r.autoscaler().orElseThrow();
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("analytics-cn");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
  }

  @Test
  void hpaWithoutMetricsTargetsEightyPercentCpuLikeKubernetes() {
    HorizontalPodAutoscaler hpa =
        ExampleSpecs.minimal().autoscale(Autoscaling.between(2, 4)).render().autoscaler().get();
    assertThat(hpa.getSpec().getMetrics()).hasSize(1);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(80);
    assertThat(hpa.getSpec().getBehavior()).isNull();
  }

  @Test
  void cnConfIsSortedAndCarriesThePortsOfTheSpec() {
    ComputeNodeGroupSpec spec =
        ExampleSpecs.minimal()
            .config("sys_log_level", "INFO")
            .config("mem_limit", "90%")
            .ports(io.srcn.sdk.Ports.defaults().heartbeat(19050).webserver(18040));
    String conf = spec.render().configMap().getData().get("cn.conf");
    assertThat(conf.lines().filter(l -> !l.startsWith("#")))
        .containsExactly(
            "be_http_port = 18040",
            "be_port = 9060",
            "brpc_port = 8060",
            "heartbeat_service_port = 19050",
            "mem_limit = 90%",
            "sys_log_level = INFO");
    Container cn = cn(spec);
    assertThat(cn.getPorts())
        .extracting(p -> p.getName() + "=" + p.getContainerPort())
        .containsExactly("heartbeat=19050", "thrift=9060", "webserver=18040", "brpc=8060");
    assertThat(cn.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(18040);
    assertThat(spec.render().headlessService().getSpec().getPorts().get(0).getPort())
        .isEqualTo(19050);
  }

  @Test
  void configChangesChangeThePodConfigHashOtherChangesDoNot() {
    ComputeNodeGroupSpec base = ExampleSpecs.minimal();
    assertThat(configHash(base))
        .isEqualTo(CnConf.hash(Map.of("cn.conf", base.render().cnConf())))
        .hasSize(64);
    assertThat(configHash(base.configFile("core-site.xml", "<configuration/>")))
        .isNotEqualTo(configHash(base));
    assertThat(configHash(base.config("sys_log_level", "WARN"))).isNotEqualTo(configHash(base));
    assertThat(configHash(base.ports(io.srcn.sdk.Ports.defaults().brpc(18060))))
        .isNotEqualTo(configHash(base));
    assertThat(configHash(base.replicas(5).image("starrocks/cn-ubuntu:3.3.6")))
        .isEqualTo(configHash(base));
  }

  @Test
  void probesUseCeilingOfSecondsOverFiveAndZeroRemovesAProbe() {
    Container cn =
        cn(
            ExampleSpecs.minimal()
                .probes(
                    Probes.defaults()
                        .startupFailureSeconds(301)
                        .livenessFailureSeconds(0)
                        .readinessFailureSeconds(4)));
    assertThat(cn.getStartupProbe().getFailureThreshold()).isEqualTo(61);
    assertThat(cn.getStartupProbe().getPeriodSeconds()).isEqualTo(5);
    assertThat(cn.getLivenessProbe()).isNull();
    assertThat(cn.getReadinessProbe().getFailureThreshold()).isEqualTo(1);
    assertThat(cn.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/health");
  }

  @Test
  void startsTheCnThroughArgsSoTheImageEntrypointStaysUnlessACommandIsGiven() {
    Container cn = cn(ExampleSpecs.minimal());
    assertThat(cn.getCommand()).isEmpty();
    assertThat(cn.getArgs()).containsExactly("/opt/starrocks/cn/bin/start_cn.sh", "--logconsole");
    Container custom = cn(ExampleSpecs.minimal().command("/bin/sh", "-c").args("exec run"));
    assertThat(custom.getCommand()).containsExactly("/bin/sh", "-c");
    assertThat(custom.getArgs()).containsExactly("exec run");
  }

  @Test
  void envHasTheSdkVariablesFirstAndNoHostType() {
    List<EnvVar> env = cn(ExampleSpecs.minimal().env("TZ", "UTC")).getEnv();
    assertThat(env)
        .extracting(EnvVar::getName)
        .containsExactly("POD_NAME", "POD_IP", "POD_NAMESPACE", "TZ");
    assertThat(env.get(1).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
    assertThat(cn(ExampleSpecs.minimal().addressMode(AddressMode.POD_IP)).getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("HOST_TYPE");
  }

  @Test
  void serviceAccountTokenIsMountedOnlyWithAServiceAccount() {
    StatefulSet plain = ExampleSpecs.minimal().render().statefulSet();
    assertThat(plain.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
    StatefulSet withSa = ExampleSpecs.minimal().serviceAccount("cn").render().statefulSet();
    assertThat(withSa.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isNull();
    assertThat(withSa.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("cn");
  }

  @Test
  void podLabelsAndAnnotationsAreAddedToTheStandardOnes() {
    StatefulSet sts =
        ExampleSpecs.minimal()
            .podLabel("team", "bi")
            .podAnnotation("a.io/b", "c")
            .render()
            .statefulSet();
    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("team", "bi")
        .containsAllEntriesOf(Labels.standard("minimal"));
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("a.io/b", "c")
        .containsKey(Labels.CONFIG_HASH_ANNOTATION);
    assertThat(sts.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector("minimal"));
  }

  @Test
  void storageBecomesClaimTemplatesAndMounts() {
    StatefulSet sts = ExampleSpecs.warehouse().render().statefulSet();
    assertThat(sts.getSpec().getVolumeClaimTemplates()).hasSize(1);
    var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
    assertThat(claim.getMetadata().getName()).isEqualTo("cache");
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("100Gi");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
        .anyMatch(
            m ->
                m.getName().equals("cache")
                    && m.getMountPath().equals("/opt/starrocks/cn/storage"));
  }

  @Test
  void theStatefulSetCarriesTheCanonicalSpecWithoutPassword() {
    ComputeNodeGroupSpec spec = ExampleSpecs.ipMode();
    String annotation =
        spec.render().statefulSet().getMetadata().getAnnotations().get(Labels.SPEC_ANNOTATION);
    assertThat(annotation).isEqualTo(spec.toCanonicalJson()).doesNotContain("s3");
    assertThat(ComputeNodeGroupSpec.fromCanonicalJson(annotation).name()).isEqualTo("ipgroup");
  }

  @Test
  void ownerReferencesOnlyWhenTheStatefulSetUidIsKnown() {
    ComputeNodeGroupSpec spec = ExampleSpecs.seedAutoscaling();
    RenderedObjects plain = GroupRenderer.render(spec, RenderOptions.defaults());
    assertThat(plain.objects()).allMatch(o -> o.getMetadata().getOwnerReferences().isEmpty());
    RenderedObjects owned =
        GroupRenderer.render(spec, RenderOptions.defaults().withStatefulSetUid("uid-1"));
    for (HasMetadata o : owned.objects()) {
      if (o instanceof StatefulSet) {
        assertThat(o.getMetadata().getOwnerReferences()).isEmpty();
      } else {
        assertThat(o.getMetadata().getOwnerReferences())
            .singleElement()
            .satisfies(
                ref -> {
                  assertThat(ref.getKind()).isEqualTo("StatefulSet");
                  assertThat(ref.getName()).isEqualTo("analytics-cn");
                  assertThat(ref.getUid()).isEqualTo("uid-1");
                  assertThat(ref.getController()).isTrue();
                });
      }
    }
  }

  @Test
  void theHpaCanBeRenderedInV2beta2WithTheSameContent() {
    RenderedObjects r =
        GroupRenderer.render(
            ExampleSpecs.full(), RenderOptions.defaults().withHpaVersion(HpaVersion.V2BETA2));
    HasMetadata hpa = r.autoscalerInVersion().orElseThrow();
    assertThat(hpa)
        .isInstanceOf(
            io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class);
    assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2beta2");
    var tree = Json.toMap(hpa);
    var v2tree = Json.toMap(r.autoscaler().orElseThrow());
    assertThat(tree.get("spec")).isEqualTo(v2tree.get("spec"));
    assertThat(r.toYaml()).contains("apiVersion: autoscaling/v2beta2\n");
  }

  @Test
  void accessorsReturnCopies() {
    RenderedGroup r = ExampleSpecs.minimal().render();
    r.statefulSet().getMetadata().setName("changed");
    r.configMap().getData().clear();
    assertThat(r.statefulSet().getMetadata().getName()).isEqualTo("minimal-cn");
    assertThat(r.configMap().getData()).containsKey("cn.conf");
  }

  @Test
  void whatTheSpecReservesIsWhatTheRendererUses() {
    assertThat(io.srcn.sdk.naming.SpecDefaults.RESERVED_VOLUME_NAMES)
        .contains(CnLayout.CONFIG_VOLUME);
    assertThat(io.srcn.sdk.naming.SpecDefaults.RESERVED_ENV)
        .containsExactlyInAnyOrder(
            CnLayout.ENV_POD_NAME, CnLayout.ENV_POD_IP, CnLayout.ENV_POD_NAMESPACE);
    // the canonical keys are written, and their aliases reserved so nothing writes a port twice
    assertThat(io.srcn.sdk.naming.SpecDefaults.PORT_CONFIG_KEYS)
        .containsExactlyInAnyOrder(
            "be_port",
            "be_http_port",
            "heartbeat_service_port",
            "brpc_port",
            "thrift_port",
            "webserver_port")
        .containsAll(CnConf.portEntries(io.srcn.sdk.Ports.defaults()).keySet());
    assertThat(CnConf.portEntries(io.srcn.sdk.Ports.defaults()))
        .doesNotContainKeys("thrift_port", "webserver_port");
  }

  @Test
  void anIncompleteSpecIsRejectedWithItsViolations() {
    assertThatThrownBy(() -> ComputeNodeGroups.create("noimage").render())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("image");
  }
}
