package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.srcn.sdk.naming.Labels;
import java.util.List;
import java.util.Map;

/**
 * The minimal RBAC Role the SDK needs in a namespace: the applier's verbs on the objects it
 * renders, the controller's list and watch on the five kinds it owns and on pods (its informers),
 * and the lifecycle engine's (pods, credentials Secrets, Events, Leases, scaling).
 *
 * <p>Stateless and thread-safe.
 */
public final class RequiredRole {
  /** Name of the Role (and the suggested RoleBinding). */
  public static final String NAME = "sr-cn-sdk";

  private static final List<PolicyRule> RULES =
      List.of(
          rule(
              "",
              List.of("configmaps"),
              "get",
              "list",
              "watch",
              "create",
              "patch",
              "update",
              "delete"),
          rule("", List.of("services"), "get", "list", "watch", "create", "patch", "delete"),
          rule("", List.of("pods"), "get", "list", "watch"),
          rule("", List.of("secrets"), "get"),
          rule("", List.of("events"), "create", "patch"),
          rule("events.k8s.io", List.of("events"), "create", "patch"),
          rule(
              "apps", List.of("statefulsets"), "get", "list", "watch", "create", "patch", "delete"),
          rule("apps", List.of("statefulsets/scale"), "get", "patch", "update"),
          rule("apps", List.of("statefulsets/status"), "get"),
          rule(
              "autoscaling",
              List.of("horizontalpodautoscalers"),
              "get",
              "list",
              "watch",
              "create",
              "patch",
              "delete"),
          rule(
              "policy",
              List.of("poddisruptionbudgets"),
              "get",
              "list",
              "watch",
              "create",
              "patch",
              "delete"),
          rule("coordination.k8s.io", List.of("leases"), "get", "create", "update"));

  private RequiredRole() {}

  /** The Role in {@code namespace}. A fresh object on each call. */
  public static Role role(String namespace) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(namespace)
        .withLabels(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE))
        .endMetadata()
        .withRules(RULES.stream().map(r -> new PolicyRuleBuilder(r).build()).toList())
        .build();
  }

  private static PolicyRule rule(String apiGroup, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(apiGroup)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }
}
