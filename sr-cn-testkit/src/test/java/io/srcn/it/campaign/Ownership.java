package io.srcn.it.campaign;

import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign's own answer to "whose node is this?", written independently of the engine's rules
 * so that it can judge them: an FQDN group owns exactly {@code g-cn-<i>.g-cn-search.<ns>.svc.
 * cluster.local:9050}; a group the FE lists by IP (POD_IP, or any mode on an IP-mode FE) owns
 * {@code <ip>:9050} for every IP one of its pods ever had, and its names too when it adds by name.
 *
 * <p>Thread-safe.
 */
final class Ownership {
  /** A group's node: the group and the ordinal of the pod it stands for. */
  record Owner(GroupPlan group, int ordinal) {
    String pod() {
      return group.name() + "-cn-" + ordinal;
    }
  }

  private static final int HEARTBEAT = 9050;
  private final String namespace;
  private final List<GroupPlan> groups;
  private final PodWatch pods;

  Ownership(String namespace, List<GroupPlan> groups, PodWatch pods) {
    this.namespace = namespace;
    this.groups = groups;
    this.pods = pods;
  }

  /** Who owns {@code address}, if one of the scenario's groups does. */
  Optional<Owner> owner(HostPort address) {
    if (address.port() != HEARTBEAT) {
      return Optional.empty();
    }
    for (GroupPlan g : groups) {
      Optional<Integer> ordinal = g.ipMode() ? byIp(g, address) : Optional.empty();
      if (ordinal.isEmpty() && g.addsByName()) {
        ordinal = byName(g, address);
      }
      if (ordinal.isPresent()) {
        return Optional.of(new Owner(g, ordinal.get()));
      }
    }
    return Optional.empty();
  }

  /** The address pod {@code ordinal} of {@code g} registers under (its IP in IP mode). */
  String address(GroupPlan g, int ordinal, String ip) {
    return g.ipMode()
        ? ip + ":" + HEARTBEAT
        : g.name()
            + "-cn-"
            + ordinal
            + "."
            + g.name()
            + "-cn-search."
            + namespace
            + ".svc.cluster.local:"
            + HEARTBEAT;
  }

  private Optional<Integer> byName(GroupPlan g, HostPort address) {
    Pattern p =
        Pattern.compile(
            Pattern.quote(g.name())
                + "-cn-(0|[1-9][0-9]{0,8})\\."
                + Pattern.quote(g.name() + "-cn-search." + namespace + ".svc.cluster.local"));
    Matcher m = p.matcher(address.host());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private Optional<Integer> byIp(GroupPlan g, HostPort address) {
    return pods.byIp(address.host())
        .map(PodWatch.Incarnation::pod)
        .filter(pod -> pod.matches(Pattern.quote(g.name()) + "-cn-(0|[1-9][0-9]{0,8})"))
        .map(pod -> Integer.parseInt(pod.substring(g.name().length() + 4)));
  }
}
