package io.srcn.sdk;

import io.srcn.sdk.naming.Names;
import java.util.Objects;

/**
 * The names of every Kubernetes object of a CN group, and of its pods, as the SDK creates them. Use
 * it instead of writing {@code <group>-cn} by hand, e.g. to drive the testkit's simulators or to
 * look an object up with your own client:
 *
 * <pre>{@code
 * GroupObjectNames names = spec.objectNames();
 * k8s.hpa().setCpuUtilization(names.namespace(), names.statefulSet(), 90);
 * }</pre>
 *
 * <p>Obtain it from {@link ComputeNodeGroupSpec#objectNames()}, {@link
 * ComputeNodeGroup#objectNames()} or {@link ComputeNodeGroups#objectNames(String, String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param namespace the group's namespace
 * @param group the group name
 * @param clusterDomain the cluster's DNS domain, used by {@link #podFqdn(int)}
 */
public record GroupObjectNames(String namespace, String group, String clusterDomain) {

  /**
   * Checks that no part is null or blank.
   *
   * @throws IllegalArgumentException naming the part that is missing
   */
  public GroupObjectNames {
    requireText("namespace", namespace);
    requireText("group", group);
    requireText("clusterDomain", clusterDomain);
  }

  /** The names of a spec's objects (its namespace, name and cluster domain). */
  public static GroupObjectNames of(ComputeNodeGroupSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return new GroupObjectNames(spec.namespace(), spec.name(), spec.clusterDomain());
  }

  /** The StatefulSet, {@code <group>-cn}; the testkit's simulators take this name. */
  public String statefulSet() {
    return Names.statefulSet(group);
  }

  /** The headless Service that gives pods their DNS names, {@code <group>-cn-search}. */
  public String headlessService() {
    return Names.headlessService(group);
  }

  /** The ConfigMap holding {@code cn.conf}, {@code <group>-cn-config}. */
  public String configMap() {
    return Names.configMap(group);
  }

  /** The HorizontalPodAutoscaler of an autoscaled group, {@code <group>-cn-autoscaler}. */
  public String autoscaler() {
    return Names.autoscaler(group);
  }

  /** The PodDisruptionBudget, {@code <group>-cn-pdb}. */
  public String podDisruptionBudget() {
    return Names.podDisruptionBudget(group);
  }

  /** The ConfigMap recording the addresses registered in IP mode, {@code <group>-cn-ledger}. */
  public String ledger() {
    return Names.ledger(group);
  }

  /**
   * The pod with this ordinal, {@code <group>-cn-<ordinal>}.
   *
   * @throws IllegalArgumentException when {@code ordinal} is negative
   */
  public String pod(int ordinal) {
    return Names.pod(group, requireOrdinal(ordinal));
  }

  /**
   * The pod's DNS name, {@code <group>-cn-<i>.<group>-cn-search.<namespace>.svc.<clusterDomain>}:
   * the host the FE lists for it in FQDN mode.
   *
   * @throws IllegalArgumentException when {@code ordinal} is negative
   */
  public String podFqdn(int ordinal) {
    return Names.podFqdn(group, requireOrdinal(ordinal), namespace, clusterDomain);
  }

  private static int requireOrdinal(int ordinal) {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
    }
    return ordinal;
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be null or blank");
    }
  }
}
