package io.srcn.sdk.internal.check;

import static io.srcn.sdk.internal.check.Checks.fail;
import static io.srcn.sdk.internal.check.Checks.pass;
import static io.srcn.sdk.internal.check.Checks.warn;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FE checks: credentials resolve (never showing the password), then per FE address: reachable
 * and login works, the NODE privilege, the host mode and what AUTO will use, and the warehouse
 * against the FE version.
 *
 * <p>The NODE probe: StarRocks authorizes {@code ALTER SYSTEM} with the SYSTEM-level NODE privilege
 * ({@code AuthorizerStmtVisitor.visitAlterSystemStatement}), after analysis and before execution
 * ({@code StmtExecutor}: {@code Analyzer.analyze}, then {@code Authorizer.check}), while {@code
 * SHOW COMPUTE NODES} passes with OPERATE alone ({@code visitShowComputeNodes}: OPERATE, else
 * NODE), so a login and a listing cannot tell. The probe is {@code ALTER SYSTEM DROP COMPUTE NODE
 * '192.0.2.1:1'}: a documentation-only address (RFC 5737) that no compute node has, so with NODE
 * the FE answers "does not exist" and changes nothing, and without NODE it answers access denied.
 *
 * <p>Stateless and thread-safe.
 */
final class FeChecks {
  /** The address of the NODE probe: TEST-NET-1, never a compute node's. */
  static final HostPort PROBE = HostPort.of("192.0.2.1", 1);

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
  private static final String WH_FIX = "check SHOW WAREHOUSES on the FE";

  private FeChecks() {}

  static void run(
      Frontend fe,
      ComputeNodeGroupSpec spec,
      CredentialsResolver resolver,
      List<PreflightCheck> out) {
    Credentials literal;
    try {
      literal = resolver.resolve(fe.credentials(), spec.namespace());
      out.add(
          pass(
              "fe-credentials",
              "resolved (user "
                  + literal.literalUser().orElse("?")
                  + "; the password is not shown)"));
    } catch (CnSdkException e) {
      out.add(fail("fe-credentials", e.getMessage(), "create the Secret with both keys"));
      return;
    }
    String user = literal.literalUser().orElse("?");
    for (HostPort address : fe.addresses()) {
      Frontend one =
          Frontend.at(List.of(address)).credentials(literal).connectTimeout(fe.connectTimeout());
      String name = "fe " + address;
      // one attempt window per address: a preflight reports, it does not ride out outages
      try (FrontendClient client =
          FrontendClient.builder(one).retryDeadline(fe.connectTimeout().multipliedBy(2)).build()) {
        client.computeNodes();
        String version = client.serverVersion();
        out.add(pass(name, "reachable, login works, StarRocks " + version));
        out.add(nodePrivilege(name, user, client));
        out.add(hostMode(name, client, spec));
        warehouse(name, version, spec, client).ifPresent(out::add);
      } catch (CnSdkException e) {
        out.add(fail(name, e.getMessage(), "check the address, the FE and the user"));
      }
    }
  }

  private static PreflightCheck nodePrivilege(String name, String user, FrontendClient client) {
    String check = name + " node-privilege";
    try {
      client.drop(List.of(PROBE));
      return pass(
          check, "user " + user + " may run ALTER SYSTEM ... COMPUTE NODE (NODE privilege)");
    } catch (FrontendAuthException e) {
      return fail(
          check,
          "user " + user + " may not run ALTER SYSTEM ... COMPUTE NODE: " + e.getMessage(),
          "GRANT NODE ON SYSTEM TO USER '"
              + user
              + "'@'%' (or grant the cluster_admin role) on the FE");
    } catch (CnSdkException e) {
      return warn(
          check,
          "could not tell (probe ALTER SYSTEM DROP COMPUTE NODE '"
              + PROBE
              + "'): "
              + e.getMessage(),
          "check that the user holds the NODE privilege on SYSTEM");
    }
  }

  private static PreflightCheck hostMode(
      String name, FrontendClient client, ComputeNodeGroupSpec spec) {
    try {
      Optional<FrontendInfo> leader =
          client.frontends().stream().filter(FrontendInfo::isLeader).findFirst();
      boolean fqdn = leader.map(l -> !HostPort.of(l.host(), 1).isIpAddress()).orElse(false);
      String mode = fqdn ? "FQDN mode" : "IP mode";
      String auto = fqdn ? "AUTO will register pod names" : "AUTO will register pod IPs";
      return pass(
          name + " host-mode",
          mode
              + " (leader "
              + leader.map(FrontendInfo::host).orElse("?")
              + "); "
              + auto
              + ", spec "
              + spec.addressMode());
    } catch (CnSdkException e) {
      return warn(
          name + " host-mode",
          "SHOW FRONTENDS failed: " + e.getMessage(),
          "AUTO then registers pod IPs, which works in either mode");
    }
  }

  /**
   * A warehouse other than {@code default_warehouse} against the FE version: no {@code INTO
   * WAREHOUSE} before 3.4 (docs/ARCHITECTURE.md, "Warehouses by FE version"); from 3.4 the FE must
   * have it, which OSS FEs do not. Asked with the NODE probe's address: {@code ALTER SYSTEM DROP
   * COMPUTE NODE '192.0.2.1:1' FROM WAREHOUSE w}, which {@code SystemInfoService} answers with the
   * unknown-warehouse error before looking for the node, and otherwise "does not exist".
   */
  private static Optional<PreflightCheck> warehouse(
      String name, String version, ComputeNodeGroupSpec spec, FrontendClient client) {
    Optional<String> wh = spec.warehouse().filter(w -> !w.equalsIgnoreCase("default_warehouse"));
    if (wh.isEmpty()) {
      return Optional.empty();
    }
    String check = name + " warehouse";
    Matcher m = VERSION.matcher(version);
    boolean old =
        m.find()
            && (Integer.parseInt(m.group(1)) < 3
                || (Integer.parseInt(m.group(1)) == 3 && Integer.parseInt(m.group(2)) < 4));
    if (old) {
      return Optional.of(
          fail(
              check,
              "StarRocks "
                  + version
                  + " has no INTO WAREHOUSE clause; "
                  + wh.get()
                  + " cannot be used",
              "remove the warehouse (nodes join default_warehouse) or use an FE 3.4+ that has it"));
    }
    try {
      client.drop(List.of(PROBE), wh.get());
      return Optional.of(pass(check, "StarRocks " + version + " has warehouse " + wh.get()));
    } catch (FrontendException e) {
      String text = e.getMessage().toLowerCase(Locale.ROOT);
      if (!(e instanceof FrontendAuthException)
          && text.contains("warehouse")
          && text.contains("not exist")) {
        return Optional.of(
            fail(
                check,
                "StarRocks "
                    + version
                    + " has no warehouse "
                    + wh.get()
                    + " (probe ALTER SYSTEM DROP COMPUTE NODE '"
                    + PROBE
                    + "' FROM WAREHOUSE "
                    + wh.get()
                    + ": "
                    + e.getMessage()
                    + ")",
                "remove the warehouse (nodes join default_warehouse); an OSS FE has only"
                    + " default_warehouse, a multi-warehouse FE needs CREATE WAREHOUSE "
                    + wh.get()));
      }
      return Optional.of(
          warn(
              check,
              "could not tell whether the FE has " + wh.get() + ": " + e.getMessage(),
              WH_FIX));
    } catch (CnSdkException e) {
      return Optional.of(
          warn(
              check,
              "could not tell whether the FE has " + wh.get() + ": " + e.getMessage(),
              WH_FIX));
    }
  }
}
