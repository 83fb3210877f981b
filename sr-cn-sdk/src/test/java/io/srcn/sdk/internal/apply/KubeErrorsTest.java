package io.srcn.sdk.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.KubernetesOperationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeErrorsTest {
  private static final ResourceRef STS =
      new ResourceRef("StatefulSet", "apps", "statefulsets", "ns", "g-cn");

  @Test
  void forbiddenNamesTheVerbAndResourceTheRoleLacks() {
    KubernetesOperationException e =
        fail(403, new StatusBuilder().withMessage("forbidden").build());
    assertThat(e.code()).isEqualTo(403);
    assertThat(e.kind()).isEqualTo("StatefulSet");
    assertThat(e.namespace()).isEqualTo("ns");
    assertThat(e.name()).isEqualTo("g-cn");
    assertThat(e.hint().orElseThrow())
        .contains("'create' and 'patch'", "statefulsets", "API group 'apps'", "namespace 'ns'")
        .contains("requiredRole");
    assertThat(e.getMessage()).startsWith("apply StatefulSet ns/g-cn failed (HTTP 403)");
  }

  @Test
  void unprocessableNamesTheRejectedFields() {
    Status status =
        new StatusBuilder()
            .withMessage("StatefulSet.apps \"g-cn\" is invalid")
            .withNewDetails()
            .addNewCause()
            .withField("spec.template.spec.containers[0].image")
            .withMessage("Required value")
            .endCause()
            .endDetails()
            .build();
    KubernetesOperationException e = fail(422, status);
    assertThat(e.hint().orElseThrow())
        .contains("field spec.template.spec.containers[0].image (Required value)");
  }

  @Test
  void unprocessableWithoutCausesNamesTheFieldsOfTheMessage() {
    Status status =
        new StatusBuilder()
            .withMessage(
                "StatefulSet.apps \"g-cn\" is invalid: [spec.template.spec.containers[0].image:"
                    + " Required value, metadata.name: Invalid value: \"G\": must be lower case]")
            .build();
    assertThat(fail(422, status).hint().orElseThrow())
        .contains("field spec.template.spec.containers[0].image (Required value)")
        .contains("field metadata.name (Invalid value: \"G\": must be lower case)");
  }

  @Test
  void immutableStatefulSetFieldsGetAdvice() {
    Status status =
        new StatusBuilder()
            .withMessage(
                "StatefulSet.apps \"g-cn\" is invalid: spec: Forbidden: updates to statefulset spec"
                    + " for fields other than 'replicas' are forbidden")
            .build();
    assertThat(fail(422, status).hint().orElseThrow())
        .contains("field spec (Forbidden: updates to statefulset spec")
        .contains("volumeClaimTemplates", "delete the group");
  }

  @Test
  void conflictSaysWhatHappened() {
    KubernetesOperationException e = fail(409, new StatusBuilder().withMessage("conflict").build());
    assertThat(e.hint().orElseThrow()).contains("conflict", "ns/g-cn", "apply again");
  }

  @Test
  void noResponseSaysTheServerIsUnreachable() {
    KubernetesOperationException e = fail(0, null);
    assertThat(e.code()).isZero();
    assertThat(e.hint().orElseThrow()).contains("no response");
  }

  @Test
  void successPassesTheValueThrough() {
    assertThat(KubeErrors.call("read", STS, List.of("get"), () -> "ok")).isEqualTo("ok");
  }

  private static KubernetesOperationException fail(int code, Status status) {
    try {
      KubeErrors.call(
          "apply",
          STS,
          List.of("create", "patch"),
          () -> {
            throw new KubernetesClientException("boom", code, status);
          });
    } catch (KubernetesOperationException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }
}
