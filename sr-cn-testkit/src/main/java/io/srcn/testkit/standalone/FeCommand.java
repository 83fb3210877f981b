package io.srcn.testkit.standalone;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code fe}: runs a {@link FakeFrontend} until terminated. Stateless and thread-safe. */
final class FeCommand implements LauncherCommand {
  static final Set<String> VALUES = Set.of("port", "user", "password", "version", "mode");
  static final Set<String> FLAGS = Set.of("shared-data");

  @Override
  public String name() {
    return "fe";
  }

  @Override
  public String synopsis() {
    return "[--port N] [--user U --password P] [--version 2.4|3.0|3.3|latest] [--mode fqdn|ip]"
        + " [--shared-data]";
  }

  @Override
  public String description() {
    return "a fake StarRocks FE on the MySQL protocol (user root, no password, by default)";
  }

  @Override
  public AutoCloseable start(List<String> args, PrintStream out) throws UsageException {
    Arguments a = Arguments.parse(args, VALUES, FLAGS);
    FakeFrontend fe = builder(a).build().start();
    out.println("READY fe=" + fe.address());
    out.flush();
    return fe;
  }

  /** A FakeFrontend builder from the FE options (shared with the sandbox command). */
  static FakeFrontend.Builder builder(Arguments a) throws UsageException {
    FakeFrontend.Builder b =
        FakeFrontend.builder()
            .port(a.intValue("port", 0, 0, 65535))
            .version(version(a.value("version").orElse("3.3")))
            .mode(mode(a.value("mode").orElse("fqdn")))
            .sharedData(a.flag("shared-data"));
    credentials(a, b);
    return b;
  }

  private static void credentials(Arguments a, FakeFrontend.Builder b) throws UsageException {
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
      case "3.4":
      case "3.5":
        return FeVersion.V3_3;
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
