package io.srcn.sdk.internal.check;

import static io.srcn.sdk.internal.check.Checks.fail;
import static io.srcn.sdk.internal.check.Checks.pass;
import static io.srcn.sdk.internal.check.Checks.warn;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.internal.render.RequiredRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The RBAC check: one {@code SelfSubjectAccessReview} ({@code authorization.k8s.io/v1}) per verb
 * and resource of {@code ComputeNodeGroups.requiredRole(namespace)}, asked in the group's
 * namespace, naming every one the caller is not allowed. The review answers for the identity of the
 * client's credentials, whatever grants it (Role, ClusterRole, groups); creating one needs no
 * permission beyond the defaults ({@code system:basic-user}).
 *
 * <p>Stateless and thread-safe.
 */
final class AccessCheck {
  static final String NAME = "rbac";

  private AccessCheck() {}

  static PreflightCheck run(KubernetesClient kube, String namespace) {
    List<String> missing = new ArrayList<>();
    int asked = 0;
    try {
      for (PolicyRule rule : RequiredRole.role(namespace).getRules()) {
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              asked++;
              if (!allowed(kube, namespace, verb, group, resource)) {
                missing.add(verb + " " + qualified(group, resource));
              }
            }
          }
        }
      }
    } catch (RuntimeException e) {
      return warn(
          NAME,
          "cannot ask the API server (SelfSubjectAccessReview): " + e.getMessage(),
          "run the check with the identity the SDK will use, on a server with"
              + " authorization.k8s.io/v1");
    }
    if (missing.isEmpty()) {
      return pass(
          NAME,
          "all "
              + asked
              + " permissions of ComputeNodeGroups.requiredRole are allowed in "
              + namespace);
    }
    return fail(
        NAME,
        missing.size() + " of " + asked + " permissions missing in " + namespace + ": " + missing,
        "bind the Role ComputeNodeGroups.requiredRole(\""
            + namespace
            + "\") returns (name "
            + RequiredRole.NAME
            + ") to this identity with a RoleBinding");
  }

  private static boolean allowed(
      KubernetesClient kube, String namespace, String verb, String group, String resource) {
    int slash = resource.indexOf('/');
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withNamespace(namespace)
            .withVerb(verb)
            .withGroup(group)
            .withResource(slash < 0 ? resource : resource.substring(0, slash))
            .withSubresource(slash < 0 ? null : resource.substring(slash + 1))
            .endResourceAttributes()
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        kube.authorization().v1().selfSubjectAccessReview().create(review);
    return answer != null
        && answer.getStatus() != null
        && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  /** {@code statefulsets.apps/scale}, {@code configmaps}: as kubectl names them. */
  private static String qualified(String group, String resource) {
    int slash = resource.indexOf('/');
    String plural = slash < 0 ? resource : resource.substring(0, slash);
    String sub = slash < 0 ? "" : resource.substring(slash);
    return plural + (group.isEmpty() ? "" : "." + group) + sub;
  }
}
