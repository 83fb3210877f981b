package io.srcn.testkit.standalone;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code fe}: runs a {@link FakeFrontend} until terminated. Stateless and thread-safe. */
final class FeCommand implements LauncherCommand {
  static final Set<String> VALUES =
      Set.of("port", "user", "password", "version", "mode", "admin-port", "statement-log");
  static final Set<String> FLAGS = Set.of("shared-data", "multi-warehouse");

  @Override
  public String name() {
    return "fe";
  }

  @Override
  public String synopsis() {
    return "[--port N] [--user U --password P] [--version 2.4|3.0|3.3|3.4|3.5|latest]"
        + " [--mode fqdn|ip] [--shared-data [--multi-warehouse]] [--admin-port N]"
        + " [--statement-log N]";
  }

  @Override
  public String description() {
    return "a fake StarRocks FE on the MySQL protocol (user root, no password, by default)";
  }

  @Override
  public String help() {
    return LauncherCommand.super.help() + OPTIONS;
  }

  static final String OPTIONS =
      "options:\n"
          + "  --port N             MySQL port on 127.0.0.1 (0, the default: a free port)\n"
          + "  --user U --password P  a user with node privileges besides root; without --user,\n"
          + "                       --password is root's (default: root without password)\n"
          + "  --version V          FE release line: 2.4, 3.0 (3.1, 3.2), 3.3 (default; no\n"
          + "                       warehouses), 3.4, 3.5, 4.0 or latest\n"
          + "  --mode fqdn|ip       host mode (default fqdn); ip resolves names on ADD\n"
          + "  --shared-data        shared-data cluster (extra columns); needs 3.0+\n"
          + "  --multi-warehouse    CREATE WAREHOUSE works (vendor builds); needs --shared-data\n"
          + "                       and 3.4+\n"
          + "  --admin-port N       also serve the HTTP/JSON admin API on 127.0.0.1:N (0: a free\n"
          + "                       port); the READY line then ends with admin=http://127.0.0.1:N\n"
          + "  --statement-log N    how many statements the log keeps (default 10000)\n"
          + "admin API (curl -X POST http://127.0.0.1:N/fail?count=2):\n"
          + "  GET /health, GET /nodes, GET /counts, GET|DELETE /statements,\n"
          + "  POST /fail?count=N[&code=C&state=S&message=M&match=REGEX], POST /clear-failures,\n"
          + "  POST /latency?ms=N, POST /refuse-logins?enabled=true|false,\n"
          + "  POST /drop-connections, POST /restart, POST /heartbeat\n";

  @Override
  public AutoCloseable start(List<String> args, PrintStream out) throws Exception {
    Arguments a = Arguments.parse(args, VALUES, FLAGS);
    FakeFrontendBuilder b = builder(a);
    java.util.OptionalInt adminPort = adminPort(a);
    FakeFrontend fe = b.build().start();
    AdminServer admin = null;
    try {
      if (adminPort.isPresent()) {
        admin = AdminServer.start(fe, adminPort.getAsInt());
      }
    } catch (Exception e) {
      fe.close();
      throw e;
    }
    out.println("READY fe=" + fe.address() + (admin == null ? "" : " admin=" + admin.address()));
    out.flush();
    AdminServer startedAdmin = admin;
    return () -> {
      try {
        if (startedAdmin != null) {
          startedAdmin.close();
        }
      } finally {
        fe.close();
      }
    };
  }

  /**
   * The admin API's port, when asked for.
   *
   * @throws UsageException when it is out of range or the same as the MySQL port
   */
  static java.util.OptionalInt adminPort(Arguments a) throws UsageException {
    if (a.value("admin-port").isEmpty()) {
      return java.util.OptionalInt.empty();
    }
    int admin = a.intValue("admin-port", 0, 0, 65535);
    int port = a.intValue("port", 0, 0, 65535);
    if (admin != 0 && admin == port) {
      throw new UsageException("options --port and --admin-port must differ, both were " + port);
    }
    return java.util.OptionalInt.of(admin);
  }

  /** A FakeFrontend builder from the FE options (shared with the sandbox command). */
  static FakeFrontendBuilder builder(Arguments a) throws UsageException {
    FeVersion version = version(a.value("version").orElse("3.3"));
    if (a.flag("shared-data") && version == FeVersion.V2_4) {
      // shared-data clusters exist from StarRocks v3.0 (docs: deployment/shared_data/s3)
      throw new UsageException(
          "option --shared-data needs --version 3.0 or later (StarRocks has shared-data clusters"
              + " from v3.0), was "
              + a.value("version").orElse("3.3"));
    }
    boolean multiWarehouse = a.flag("multi-warehouse");
    if (multiWarehouse && (!a.flag("shared-data") || version.compareTo(FeVersion.V3_4) < 0)) {
      // OSS FEs have default_warehouse only; 3.3 and older have no warehouse statements at all
      throw new UsageException(
          "option --multi-warehouse needs --shared-data and --version 3.4 or later, was "
              + a.value("version").orElse("3.3")
              + (a.flag("shared-data") ? "" : " without --shared-data"));
    }
    FakeFrontendBuilder b =
        FakeFrontend.builder()
            .port(a.intValue("port", 0, 0, 65535))
            .version(version)
            .mode(mode(a.value("mode").orElse("fqdn")))
            .sharedData(a.flag("shared-data"))
            .multiWarehouse(multiWarehouse);
    if (a.value("statement-log").isPresent()) {
      b.statementLogCapacity(a.intValue("statement-log", 10_000, 0, 100_000_000));
    }
    credentials(a, b);
    return b;
  }

  private static void credentials(Arguments a, FakeFrontendBuilder b) throws UsageException {
    String user = a.value("user").orElse("root");
    if (user.isEmpty()) {
      throw new UsageException("option --user must not be empty");
    }
    if (a.value("user").isPresent() && a.value("password").isEmpty()) {
      throw new UsageException("option --user needs --password (use --password '' for none)");
    }
    String password = a.value("password").orElse("");
    if (user.equals("root")) {
      b.rootPassword(password);
    } else {
      b.user(user, password, true);
    }
  }

  static FeVersion version(String v) throws UsageException {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "2.4":
        return FeVersion.V2_4;
      case "3.0":
      case "3.1":
      case "3.2":
        return FeVersion.V3_0;
      case "3.3":
        return FeVersion.V3_3;
      case "3.4":
        return FeVersion.V3_4;
      case "3.5":
        return FeVersion.V3_5;
      case "4.0":
      case "latest":
        return FeVersion.LATEST;
      default:
        throw new UsageException(
            "option --version must be 2.4, 3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 4.0 or latest, was '"
                + v
                + "'");
    }
  }

  static FeMode mode(String m) throws UsageException {
    switch (m.toLowerCase(Locale.ROOT)) {
      case "fqdn":
        return FeMode.FQDN;
      case "ip":
        return FeMode.IP;
      default:
        throw new UsageException("option --mode must be fqdn or ip, was '" + m + "'");
    }
  }
}
