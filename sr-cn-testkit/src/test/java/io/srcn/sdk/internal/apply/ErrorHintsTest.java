package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kubernetes errors surface as KubernetesOperationException with the object and a hint. */
@CnTestkit(namespaces = NAMESPACE)
class ErrorHintsTest {
  private MockKubernetes k8s;
  private KubernetesClient kube;
  private GroupApplier applier;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    kube = k8s.client();
    applier = new GroupApplier(kube);
  }

  @Test
  void forbiddenCreateNamesTheMissingVerbsAndResource() {
    k8s.failNextRequests(1, 403, "patch", "statefulsets");

    assertThatThrownBy(() -> applier.apply(ApplySpecs.fixed("rbac")))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.kind()).isEqualTo("StatefulSet");
              assertThat(e.namespace()).isEqualTo(NAMESPACE);
              assertThat(e.name()).isEqualTo("rbac-cn");
              assertThat(e.operation()).isEqualTo("apply");
              assertThat(e.hint().orElseThrow())
                  .contains("'create' and 'patch'", "statefulsets", "'apps'", "requiredRole");
            });
  }

  @Test
  void forbiddenReadNamesTheGetVerb() {
    k8s.failNextRequests(1, 403, "get", "configmaps");

    assertThatThrownBy(() -> ApplySpecs.fixed("rbac").plan(kube))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> assertThat(e.hint().orElseThrow()).contains("'get'", "configmaps"));
  }

  @Test
  void forbiddenUpdateNamesOnlyPatch() {
    applier.apply(ApplySpecs.fixed("upd"));
    k8s.failNextRequests(1, 403, "patch", "configmaps");

    assertThatThrownBy(() -> applier.apply(ApplySpecs.fixed("upd").config("x.y", "1")))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("ConfigMap");
              assertThat(e.hint().orElseThrow()).contains("'patch'").doesNotContain("'create'");
            });
  }

  @Test
  void changingStorageOfAnExistingGroupNamesTheForbiddenField() {
    applier.apply(
        ApplySpecs.fixed("vol")
            .storage(StorageVolume.of("data", "10Gi").purpose(VolumePurpose.DATA)));

    assertThatThrownBy(
            () ->
                applier.apply(
                    ApplySpecs.fixed("vol")
                        .storage(StorageVolume.of("data", "20Gi").purpose(VolumePurpose.DATA))))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.kind()).isEqualTo("StatefulSet");
              assertThat(e.hint().orElseThrow())
                  .contains("field spec")
                  .contains("volumeClaimTemplates")
                  .contains("delete the group");
            });
  }

  @Test
  void aForeignObjectWithTheGroupsNameIsNotTakenOver() {
    kube.configMaps()
        .inNamespace(NAMESPACE)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("mine-cn-config")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    k8s.requests().reset();

    assertThatThrownBy(() -> applier.apply(ApplySpecs.fixed("mine")))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("ConfigMap");
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.hint().orElseThrow()).contains("not managed by sr-cn-sdk");
            });
    assertThat(ApplyTest.writes(k8s.requests())).as("nothing half-applied").isZero();
  }

  @Test
  void serverErrorsAreReportedWithTheObject() {
    k8s.failNextRequests(1, 500, "patch", "services");

    assertThatThrownBy(() -> applier.apply(ApplySpecs.fixed("boom")))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(500);
              assertThat(e.kind()).isEqualTo("Service");
              assertThat(e.getMessage())
                  .startsWith("apply Service starrocks/boom-cn-search failed");
            });
    // a retry completes the group
    assertThat(applier.apply(ApplySpecs.fixed("boom")).action("Service"))
        .contains(io.srcn.sdk.ObjectChange.Action.CREATE);
  }
}
