package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.srcn.sdk.ComputeNodeGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredRoleTest {
  private final Role role = ComputeNodeGroups.requiredRole("starrocks");

  @Test
  void isANamespacedRoleNamedAfterTheSdk() {
    assertThat(role.getMetadata().getNamespace()).isEqualTo("starrocks");
    assertThat(role.getMetadata().getName()).isEqualTo("sr-cn-sdk");
    assertThat(KubernetesValidation.isSubdomain(role.getMetadata().getName())).isTrue();
  }

  @Test
  void grantsTheApplierItsVerbsOnEveryRenderedKind() {
    assertThat(verbs("", "configmaps")).contains("get", "create", "patch", "delete");
    assertThat(verbs("", "services")).contains("get", "create", "patch", "delete");
    assertThat(verbs("apps", "statefulsets")).contains("get", "create", "patch", "delete");
    assertThat(verbs("autoscaling", "horizontalpodautoscalers"))
        .contains("get", "create", "patch", "delete");
    assertThat(verbs("policy", "poddisruptionbudgets"))
        .contains("get", "create", "patch", "delete");
  }

  @Test
  void grantsTheControllerListAndWatchOnEveryKindItsInformersCache() {
    for (String[] r :
        new String[][] {
          {"", "configmaps"},
          {"", "services"},
          {"", "pods"},
          {"apps", "statefulsets"},
          {"autoscaling", "horizontalpodautoscalers"},
          {"policy", "poddisruptionbudgets"}
        }) {
      assertThat(verbs(r[0], r[1])).as(r[1]).contains("list", "watch");
    }
  }

  @Test
  void grantsTheEngineWhatItReadsAndWrites() {
    assertThat(verbs("", "pods")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs("", "secrets")).containsExactly("get");
    assertThat(verbs("", "events")).contains("create", "patch");
    assertThat(verbs("apps", "statefulsets/scale")).contains("patch");
    assertThat(verbs("apps", "statefulsets/status")).containsExactly("get");
    assertThat(verbs("coordination.k8s.io", "leases")).contains("get", "create", "update");
  }

  @Test
  void neverGrantsWildcardsOrSecretWrites() {
    for (PolicyRule r : role.getRules()) {
      assertThat(r.getVerbs()).doesNotContain("*");
      assertThat(r.getResources()).doesNotContain("*");
    }
    assertThat(verbs("", "secrets")).doesNotContain("list", "watch", "create", "patch");
  }

  @Test
  void eachCallReturnsAFreshObject() {
    role.getRules().clear();
    assertThat(ComputeNodeGroups.requiredRole("starrocks").getRules()).isNotEmpty();
  }

  private List<String> verbs(String group, String resource) {
    return role.getRules().stream()
        .filter(r -> r.getApiGroups().contains(group) && r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .toList();
  }
}
