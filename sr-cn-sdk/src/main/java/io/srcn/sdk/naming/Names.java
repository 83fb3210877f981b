package io.srcn.sdk.naming;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The naming scheme of a CN group's Kubernetes objects and FE addresses. Every name the SDK uses is
 * derived here; no other class concatenates resource names.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {
  private Names() {}

  /** StatefulSet {@code g-cn}. */
  public static String statefulSet(String group) {
    return group + "-cn";
  }

  /** Headless Service {@code g-cn-search}. */
  public static String headlessService(String group) {
    return group + "-cn-search";
  }

  /** ConfigMap {@code g-cn-config} holding {@code cn.conf}. */
  public static String configMap(String group) {
    return group + "-cn-config";
  }

  /** HorizontalPodAutoscaler {@code g-cn-autoscaler}. */
  public static String autoscaler(String group) {
    return group + "-cn-autoscaler";
  }

  /** PodDisruptionBudget {@code g-cn-pdb}. */
  public static String podDisruptionBudget(String group) {
    return group + "-cn-pdb";
  }

  /** ConfigMap {@code g-cn-ledger}: the addresses registered in IP mode. */
  public static String ledger(String group) {
    return group + "-cn-ledger";
  }

  /** Pod {@code g-cn-i}. */
  public static String pod(String group, int ordinal) {
    return statefulSet(group) + "-" + ordinal;
  }

  /** The pod's DNS name: {@code g-cn-i.g-cn-search.ns.svc.domain}. */
  public static String podFqdn(String group, int ordinal, String namespace, String clusterDomain) {
    return pod(group, ordinal)
        + "."
        + headlessService(group)
        + "."
        + namespace
        + ".svc."
        + clusterDomain;
  }

  /** The ordinal of a pod of the group, or empty when the pod name does not belong to the group. */
  public static OptionalInt ordinal(String group, String podName) {
    String prefix = statefulSet(group) + "-";
    if (!podName.startsWith(prefix)) {
      return OptionalInt.empty();
    }
    String digits = podName.substring(prefix.length());
    if (digits.isEmpty()
        || digits.length() > 9
        || !digits.chars().allMatch(Character::isDigit)
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }

  /**
   * The ordinal of an FE host that is one of the group's pod FQDNs, or empty when the host does not
   * match the group's pattern exactly (this is how FQDN-mode ownership is decided).
   */
  public static OptionalInt ordinalOfFqdn(
      String group, String namespace, String clusterDomain, String host) {
    String suffix = "." + headlessService(group) + "." + namespace + ".svc." + clusterDomain;
    String lower = host.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(suffix)) {
      return OptionalInt.empty();
    }
    return ordinal(group, lower.substring(0, lower.length() - suffix.length()));
  }

  /**
   * A Kubernetes Event about the group's StatefulSet: {@code g-cn.<hex>}, the scheme {@code
   * kubectl} users know from client-go ({@code <object>.<unique hex suffix>}).
   */
  public static String event(String group, long uniqueSuffix) {
    return statefulSet(group) + "." + Long.toHexString(uniqueSuffix);
  }
}
