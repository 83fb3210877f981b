package io.srcn.sdk.internal.check;

import static io.srcn.sdk.internal.check.Checks.fail;
import static io.srcn.sdk.internal.check.Checks.pass;
import static io.srcn.sdk.internal.check.Checks.warn;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.internal.render.HpaVersion;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Kubernetes checks: API reachable, namespace, the HPA API version (by discovery, as the
 * applier chooses it) and, for an HPA on CPU or memory, the resource metrics API.
 *
 * <p>Stateless and thread-safe.
 */
final class KubeChecks {
  private static final String METRICS_SERVER =
      "kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest"
          + "/download/components.yaml";

  private KubeChecks() {}

  /** Adds the API check; true when the server answered. */
  static boolean api(KubernetesClient kube, List<PreflightCheck> out) {
    try {
      var v = kube.getKubernetesVersion();
      out.add(pass("kubernetes-api", "reachable, server " + v.getGitVersion()));
      return true;
    } catch (RuntimeException e) {
      out.add(fail("kubernetes-api", "not reachable: " + e.getMessage(), "check the kubeconfig"));
      return false;
    }
  }

  static void namespace(KubernetesClient kube, String ns, List<PreflightCheck> out) {
    try {
      boolean exists = kube.namespaces().withName(ns).get() != null;
      out.add(
          exists
              ? pass("namespace", ns + " exists")
              : fail("namespace", ns + " does not exist", "kubectl create namespace " + ns));
    } catch (RuntimeException e) {
      out.add(
          warn(
              "namespace",
              "cannot read namespace " + ns + ": " + e.getMessage(),
              "grant get on namespaces, or ignore"));
    }
  }

  /**
   * The HPA API the applier will use ({@code autoscaling/v2}, else {@code v2beta2}) and, when a
   * metric is a CPU or memory resource metric, whether {@code metrics.k8s.io} is served: an HPA on
   * resource metrics without it never scales.
   */
  static void autoscaling(KubernetesClient kube, Autoscaling a, List<PreflightCheck> out) {
    Set<String> versions;
    try {
      versions = groupVersions(kube.getApiGroup("autoscaling"));
    } catch (RuntimeException e) {
      out.add(
          warn("hpa-api", "cannot read API group autoscaling: " + e.getMessage(), "check RBAC"));
      return;
    }
    if (versions.contains(HpaVersion.V2.apiVersion())) {
      out.add(pass("hpa-api", "autoscaling/v2 is served"));
    } else if (versions.contains(HpaVersion.V2BETA2.apiVersion())) {
      out.add(
          warn(
              "hpa-api",
              "autoscaling/v2 is not served (Kubernetes before 1.23): the HPA is written as"
                  + " autoscaling/v2beta2",
              "use Kubernetes 1.23 or later"));
    } else {
      out.add(
          fail(
              "hpa-api",
              "neither autoscaling/v2 nor autoscaling/v2beta2 is served (found "
                  + versions
                  + "): the group's HorizontalPodAutoscaler cannot be created",
              "use Kubernetes 1.23 or later, or remove autoscaling from the spec"));
    }
    boolean resourceMetrics =
        a.effectiveMetrics().stream()
            .anyMatch(
                m -> "Resource".equals(m.getType()) || "ContainerResource".equals(m.getType()));
    if (resourceMetrics) {
      metrics(kube, out);
    }
  }

  private static void metrics(KubernetesClient kube, List<PreflightCheck> out) {
    try {
      Set<String> served = groupVersions(kube.getApiGroup("metrics.k8s.io"));
      out.add(
          !served.isEmpty()
              ? pass("metrics-api", "metrics.k8s.io is served (" + String.join(", ", served) + ")")
              : warn(
                  "metrics-api",
                  "metrics.k8s.io is not served: an HPA on CPU or memory never scales without it",
                  "install metrics-server: " + METRICS_SERVER));
    } catch (RuntimeException e) {
      out.add(warn("metrics-api", "cannot read the API groups: " + e.getMessage(), "check RBAC"));
    }
  }

  private static Set<String> groupVersions(APIGroup group) {
    return group == null || group.getVersions() == null
        ? Set.of()
        : group.getVersions().stream()
            .map(GroupVersionForDiscovery::getGroupVersion)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
