package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import java.util.List;

/**
 * How an FE cluster stores compute node hosts, and how the SDK learned it.
 *
 * <p>Upstream facts (StarRocks branch-3.3 to 3.5): {@code FrontendOptions.init} puts the FE in FQDN
 * mode only when started with {@code --host_type FQDN} (or when its meta directory's {@code
 * image/ROLE} file recorded FQDN); {@code FrontendOptions.getLocalHostAddress} then returns the
 * host's canonical name, otherwise an IP, and that is the host {@code SHOW FRONTENDS} lists for the
 * FE itself. An IP-mode FE resolves names on {@code ADD COMPUTE NODE} and stores the IP ({@code
 * AlterSystemStmtAnalyzer} passes {@code resolveHost = !FrontendOptions.isUseFqdn()} to {@code
 * SystemInfoService.validateHostAndPort}); an FQDN-mode FE stores the name as given. So a leader
 * listed by name proves FQDN mode. A leader listed by IP means IP mode, or an FQDN-mode FE whose
 * host has no name; both accept POD_IP registration, so reading "IP" is never harmful.
 *
 * @param ipMode true when the FE stores IPs (register by pod IP with the ledger)
 * @param reason one line: what the SDK saw
 */
record FeHostMode(boolean ipMode, String reason) {

  /** Reads the mode from {@code SHOW FRONTENDS}: the leader's host (any FE when none is marked). */
  static FeHostMode fromFrontends(List<FrontendInfo> frontends) {
    List<FrontendInfo> leaders = frontends.stream().filter(FrontendInfo::isLeader).toList();
    List<FrontendInfo> judged = leaders.isEmpty() ? frontends : leaders;
    for (FrontendInfo f : judged) {
      if (!isIp(f.host())) {
        return new FeHostMode(
            false, "SHOW FRONTENDS lists the leader as " + f.host() + ": the FE runs in FQDN mode");
      }
    }
    if (judged.isEmpty()) {
      return new FeHostMode(true, "SHOW FRONTENDS listed no FE; registering by pod IP is safe");
    }
    return new FeHostMode(
        true,
        "SHOW FRONTENDS lists the leader by IP ("
            + judged.get(0).host()
            + "): the FE runs in IP mode (started without --host_type FQDN)");
  }

  /** The FE stored {@code listed} for an ADD of {@code added}: it resolves names (IP mode). */
  static FeHostMode storedIp(String added, String listed) {
    return new FeHostMode(
        true, "the FE stored " + listed + " for an ADD of " + added + ": the FE runs in IP mode");
  }

  /** {@code SHOW FRONTENDS} could not be run (for example no privilege): POD_IP, safe on both. */
  static FeHostMode unknown(String why) {
    return new FeHostMode(
        true,
        "SHOW FRONTENDS failed (" + why + "); registering by pod IP, which works in either mode");
  }

  private static boolean isIp(String host) {
    try {
      return HostPort.of(host, 1).isIpAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
