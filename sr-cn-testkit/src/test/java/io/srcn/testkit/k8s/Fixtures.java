package io.srcn.testkit.k8s;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/** Test objects. */
final class Fixtures {
  private Fixtures() {}

  static StatefulSet statefulSet(String name, Integer replicas, String policy) {
    Map<String, String> labels = Map.of("app", name);
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("app", name, "app.kubernetes.io/managed-by", "sr-cn-sdk"))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name + "-search")
        .withPodManagementPolicy(policy)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("cn")
        .withImage("starrocks/cn-ubuntu:3.3.5")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
