package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.List;
import java.util.Random;

/** Generates valid fabric8 objects of the kinds a spec holds, for the round-trip tests. */
final class KubernetesObjectGenerator extends RandomValues {
  KubernetesObjectGenerator(Random random) {
    super(random);
  }

  MetricSpec metric() {
    String name = "metric_" + label(4).replace('-', '_');
    return switch (random.nextInt(4)) {
      case 0 ->
          new MetricSpecBuilder()
              .withType("Pods")
              .withNewPods()
              .withNewMetric()
              .withName(name)
              .endMetric()
              .withNewTarget()
              .withType("AverageValue")
              .withNewAverageValue(quantity())
              .endTarget()
              .endPods()
              .build();
      case 1 ->
          new MetricSpecBuilder()
              .withType("Object")
              .withNewObject()
              .withNewDescribedObject()
              .withApiVersion("networking.k8s.io/v1")
              .withKind("Ingress")
              .withName(label(5))
              .endDescribedObject()
              .withNewMetric()
              .withName(name)
              .withNewSelector()
              .addToMatchLabels(labelKey(), label(3))
              .endSelector()
              .endMetric()
              .withNewTarget()
              .withType("Value")
              .withNewValue(quantity())
              .endTarget()
              .endObject()
              .build();
      case 2 ->
          new MetricSpecBuilder()
              .withType("External")
              .withNewExternal()
              .withNewMetric()
              .withName(name)
              .endMetric()
              .withNewTarget()
              .withType("AverageValue")
              .withNewAverageValue(quantity())
              .endTarget()
              .endExternal()
              .build();
      default ->
          new MetricSpecBuilder()
              .withType("ContainerResource")
              .withNewContainerResource()
              .withName(pick(List.of("cpu", "memory")))
              .withContainer("cn")
              .withNewTarget()
              .withType("Utilization")
              .withAverageUtilization(1 + random.nextInt(100))
              .endTarget()
              .endContainerResource()
              .build();
    };
  }

  EnvVar env() {
    String name = "V_" + label(4).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    return switch (random.nextInt(3)) {
      case 0 -> new EnvVar(name, text(), null);
      case 1 ->
          new EnvVarBuilder()
              .withName(name)
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(label(5))
              .withKey("key")
              .withOptional(random.nextBoolean())
              .endSecretKeyRef()
              .endValueFrom()
              .build();
      default ->
          new EnvVarBuilder()
              .withName(name)
              .withNewValueFrom()
              .withNewFieldRef()
              .withFieldPath("spec.nodeName")
              .endFieldRef()
              .endValueFrom()
              .build();
    };
  }

  Toleration toleration() {
    if (random.nextBoolean()) {
      return new TolerationBuilder().withOperator("Exists").build();
    }
    TolerationBuilder t =
        new TolerationBuilder().withKey(labelKey()).withOperator("Equal").withValue(label(3));
    return random.nextBoolean()
        ? t.withEffect("NoExecute").withTolerationSeconds((long) random.nextInt(1000)).build()
        : t.withEffect(pick(List.of("NoSchedule", "PreferNoSchedule"))).build();
  }

  Affinity affinity() {
    return new AffinityBuilder()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(labelKey())
        .withOperator("In")
        .withValues(label(3), label(4))
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(1 + random.nextInt(100))
        .withNewPodAffinityTerm()
        .withTopologyKey("kubernetes.io/hostname")
        .withNewLabelSelector()
        .addToMatchLabels("app.kubernetes.io/name", "starrocks-cn")
        .endLabelSelector()
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .build();
  }

  PodSecurityContext securityContext() {
    return new PodSecurityContextBuilder()
        .withRunAsUser((long) random.nextInt(65536))
        .withFsGroup((long) random.nextInt(65536))
        .withRunAsNonRoot(random.nextBoolean())
        .addNewSysctl()
        .withName("net.core.somaxconn")
        .withValue("1024")
        .endSysctl()
        .build();
  }
}
