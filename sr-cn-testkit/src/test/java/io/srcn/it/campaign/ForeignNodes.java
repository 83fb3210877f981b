package io.srcn.it.campaign;

import io.srcn.sdk.fe.HostPort;
import java.util.SplittableRandom;

/**
 * Compute nodes on the same FE that the scenario's groups do not own, chosen to sit close to what
 * they do own: another namespace's group of the same name, another cluster domain, a group whose
 * name extends ours, an IP, a plain host name. {@code {ns}} stands for the scenario's namespace.
 */
final class ForeignNodes {
  private ForeignNodes() {}

  static String pick(SplittableRandom r, String group, int i) {
    return switch (r.nextInt(5)) {
      case 0 -> "10.200." + r.nextInt(250) + "." + (2 + r.nextInt(250)) + ":9050";
      case 1 -> group + "-cn-" + i + "." + group + "-cn-search.elsewhere.svc.cluster.local:9050";
      case 2 -> group + "-cn-" + i + "." + group + "-cn-search.{ns}.svc.other.local:9050";
      case 3 -> group + "x-cn-" + i + "." + group + "x-cn-search.{ns}.svc.cluster.local:9050";
      default -> "cn-external-" + i + ".example.com:9050";
    };
  }

  static HostPort resolve(String template, String namespace) {
    return HostPort.parse(template.replace("{ns}", namespace));
  }
}
