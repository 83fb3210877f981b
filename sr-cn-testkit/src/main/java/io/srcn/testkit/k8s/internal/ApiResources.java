package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in resource types the mock serves, with the autoscaling versions chosen by the user.
 * Custom resources come from stored CustomResourceDefinitions (see {@link Discovery}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiResources {
  /** The autoscaling versions a real 1.2x+ server serves. */
  public static final List<String> DEFAULT_AUTOSCALING = List.of("v2", "v1");

  /** Every autoscaling version this mock knows how to serve. */
  public static final Set<String> KNOWN_AUTOSCALING = Set.of("v1", "v2", "v2beta2", "v2beta1");

  private final List<ApiResource> all;
  private final List<String> autoscalingVersions;

  /** Builds the table serving the given autoscaling versions (the first is preferred). */
  public ApiResources(List<String> autoscalingVersions) {
    this.autoscalingVersions = List.copyOf(autoscalingVersions);
    List<ApiResource> list = new ArrayList<>(builtIns());
    for (String v : this.autoscalingVersions) {
      list.add(
          r(
              "autoscaling",
              v,
              "horizontalpodautoscalers",
              "HorizontalPodAutoscaler",
              true,
              true,
              false,
              "hpa"));
    }
    this.all = List.copyOf(list);
  }

  /** All resources. */
  public List<ApiResource> all() {
    return all;
  }

  /** The served autoscaling versions, preferred first. */
  public List<String> autoscalingVersions() {
    return autoscalingVersions;
  }

  /** The resource with that group, version and plural, if served. */
  public Optional<ApiResource> find(String group, String version, String plural) {
    for (ApiResource r : all) {
      if (r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The resource whose objects hold the ones {@code r} serves: an object stored once is seen
   * through every version of its kind, as on a real server. HorizontalPodAutoscalers are stored as
   * autoscaling/v2 (v2beta2 when v2 is not served) and read through v1 and v2beta2 by conversion
   * (kubernetes pkg/apis/autoscaling/v1/conversion.go); v2beta1 keeps objects of its own. Events of
   * events.k8s.io/v1 are core/v1 Events (pkg/apis/events/v1/conversion.go). Every other resource is
   * its own storage.
   */
  public ApiResource storageOf(ApiResource r) {
    if (r.plural().equals("horizontalpodautoscalers")
        && (r.version().equals("v1") || r.version().equals("v2beta2"))) {
      for (String v : List.of("v2", "v2beta2")) {
        if (autoscalingVersions.contains(v)) {
          return find("autoscaling", v, r.plural()).orElse(r);
        }
      }
      return r;
    }
    if (r.plural().equals("events") && r.group().equals("events.k8s.io")) {
      return find("", "v1", "events").orElse(r);
    }
    return r;
  }

  /** Whether the group/version is served at all. */
  public boolean servesGroupVersion(String group, String version) {
    return all.stream().anyMatch(r -> r.group().equals(group) && r.version().equals(version));
  }

  /** Served versions per group, in declaration order (preferred first). */
  public Map<String, List<String>> versionsByGroup() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ApiResource r : all) {
      List<String> versions = out.computeIfAbsent(r.group(), g -> new ArrayList<>());
      if (!versions.contains(r.version())) {
        versions.add(r.version());
      }
    }
    return out;
  }

  private static List<ApiResource> builtIns() {
    return List.of(
        r("", "v1", "namespaces", "Namespace", false, true, false, "ns"),
        r("", "v1", "pods", "Pod", true, true, false, "po"),
        r("", "v1", "services", "Service", true, true, false, "svc"),
        r("", "v1", "configmaps", "ConfigMap", true, false, false, "cm"),
        r("", "v1", "secrets", "Secret", true, false, false),
        r("", "v1", "events", "Event", true, false, false, "ev"),
        r("", "v1", "serviceaccounts", "ServiceAccount", true, false, false, "sa"),
        r("", "v1", "endpoints", "Endpoints", true, false, false, "ep"),
        r("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, true, false, "pvc"),
        r("", "v1", "persistentvolumes", "PersistentVolume", false, true, false, "pv"),
        r("", "v1", "nodes", "Node", false, true, false, "no"),
        r("", "v1", "replicationcontrollers", "ReplicationController", true, true, true, "rc"),
        r("", "v1", "resourcequotas", "ResourceQuota", true, true, false, "quota"),
        r("", "v1", "limitranges", "LimitRange", true, false, false, "limits"),
        r("apps", "v1", "statefulsets", "StatefulSet", true, true, true, "sts"),
        r("apps", "v1", "deployments", "Deployment", true, true, true, "deploy"),
        r("apps", "v1", "replicasets", "ReplicaSet", true, true, true, "rs"),
        r("apps", "v1", "daemonsets", "DaemonSet", true, true, false, "ds"),
        r("apps", "v1", "controllerrevisions", "ControllerRevision", true, false, false),
        r("batch", "v1", "jobs", "Job", true, true, false),
        r("batch", "v1", "cronjobs", "CronJob", true, true, false, "cj"),
        r("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, false, "pdb"),
        r("coordination.k8s.io", "v1", "leases", "Lease", true, false, false),
        r("events.k8s.io", "v1", "events", "Event", true, false, false, "ev"),
        r(
            "networking.k8s.io",
            "v1",
            "networkpolicies",
            "NetworkPolicy",
            true,
            false,
            false,
            "netpol"),
        r("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, false, "ing"),
        r("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, false, false),
        // metrics-server's aggregated API, which the HPA simulator stands in for: served, so
        // clients (and srcn check) see a cluster where resource-metric HPAs work
        r("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true, false, false),
        r("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", false, false, false),
        r("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false, false),
        r("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false, false),
        r("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false, false),
        r(
            "rbac.authorization.k8s.io",
            "v1",
            "clusterrolebindings",
            "ClusterRoleBinding",
            false,
            false,
            false),
        r(
            "apiextensions.k8s.io",
            "v1",
            "customresourcedefinitions",
            "CustomResourceDefinition",
            false,
            true,
            false,
            "crd",
            "crds"));
  }

  private static ApiResource r(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      boolean status,
      boolean scale,
      String... shortNames) {
    return new ApiResource(
        group, version, plural, kind, namespaced, status, scale, List.of(shortNames));
  }
}
