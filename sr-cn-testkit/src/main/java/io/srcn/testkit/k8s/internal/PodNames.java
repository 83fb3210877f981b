package io.srcn.testkit.k8s.internal;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * StatefulSet pod naming ({@code <sts>-<ordinal>}) and pod DNS names. The only place in the
 * simulator that builds these names.
 *
 * <p>Stateless and thread-safe.
 */
public final class PodNames {
  private PodNames() {}

  /** The pod of a StatefulSet ordinal. */
  public static String pod(String statefulSet, int ordinal) {
    return statefulSet + "-" + ordinal;
  }

  /** The ordinal of a pod of the StatefulSet, or empty when the name does not belong to it. */
  public static OptionalInt ordinal(String statefulSet, String pod) {
    String prefix = statefulSet + "-";
    if (!pod.startsWith(prefix)
        || pod.length() == prefix.length()
        || pod.length() - prefix.length() > 9) {
      return OptionalInt.empty();
    }
    String digits = pod.substring(prefix.length());
    if (!digits.chars().allMatch(Character::isDigit)
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }

  /** The pod's DNS name {@code <pod>.<subdomain>.<ns>.svc.<domain>} (lower case). */
  public static String fqdn(String pod, String subdomain, String namespace, String clusterDomain) {
    return (pod + "." + subdomain + "." + namespace + ".svc." + clusterDomain)
        .toLowerCase(Locale.ROOT);
  }

  /** A work-queue key. */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The namespace of a key. */
  public static String namespaceOf(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  /** The name of a key. */
  public static String nameOf(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
