package io.srcn.sdk.internal.spec;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.TlsMode;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code spec.frontend} mapping of a spec document. A literal password is never read:
 * documents carry Secret references, or a user whose password a {@code CredentialsResolver} adds.
 *
 * <p>Stateless and thread-safe.
 */
final class FrontendReader {
  private FrontendReader() {}

  static Frontend read(Fields f) {
    Violations v = f.violations();
    List<HostPort> addresses = new ArrayList<>();
    int[] given = {0};
    f.list(
        "addresses",
        (ev, o) -> {
          given[0]++;
          address(ev, o, addresses);
        });
    v.require(f.has("addresses"), "addresses", "at least one FE address is required");
    Fields c = f.objectOrNull("credentials");
    Credentials credentials = c == null ? null : credentials(c);
    Integer connect = f.integer("connectTimeoutMillis");
    Integer query = f.integer("queryTimeoutMillis");
    TlsMode tls = Enums.read(f, "tlsMode", TlsMode.class, TlsMode::name);
    f.done();
    if (addresses.isEmpty() && given[0] > 0) {
      return null; // every address was invalid, and each is already reported
    }
    Frontend fe = Attempts.make(v, "frontend", () -> Frontend.at(addresses));
    fe =
        credentials == null
            ? fe
            : Attempts.step(v, "frontend", fe, x -> x.credentials(credentials));
    fe =
        connect == null
            ? fe
            : Attempts.step(v, "frontend", fe, x -> x.connectTimeout(Duration.ofMillis(connect)));
    fe =
        query == null
            ? fe
            : Attempts.step(v, "frontend", fe, x -> x.queryTimeout(Duration.ofMillis(query)));
    return tls == null ? fe : Attempts.step(v, "frontend", fe, x -> x.tlsMode(tls));
  }

  private static void address(Violations v, Object o, List<HostPort> addresses) {
    if (!(o instanceof String s)) {
      v.add("", "must be a string host[:port], not " + Fields.describe(o));
      return;
    }
    HostPort parsed = Attempts.make(v, "", () -> HostPort.parse(s, Frontend.DEFAULT_QUERY_PORT));
    if (parsed != null) {
      addresses.add(parsed);
    }
  }

  private static Credentials credentials(Fields f) {
    Violations v = f.violations();
    String secret = f.string("secretName");
    String userKey = f.string("userKey");
    String passwordKey = f.string("passwordKey");
    String user = f.string("user");
    Boolean omitted = f.bool("passwordOmitted");
    if (f.has("password")) {
      f.raw("password");
      v.add(
          "password",
          "literal passwords are never read from documents: use secretName, or a"
              + " CredentialsResolver");
    }
    f.done();
    if (secret != null) {
      v.require(user == null, "user", "a Secret reference has no literal user");
      v.require(omitted == null, "passwordOmitted", "applies only to a literal user");
      Credentials c = Attempts.make(v, "credentials", () -> Credentials.fromSecret(secret));
      String uk = userKey == null ? Credentials.DEFAULT_USER_KEY : userKey;
      String pk = passwordKey == null ? Credentials.DEFAULT_PASSWORD_KEY : passwordKey;
      return Attempts.step(v, "credentials", c, x -> x.withKeys(uk, pk));
    }
    if (user != null) {
      v.require(userKey == null && passwordKey == null, "userKey", "applies only to secretName");
      return Attempts.make(v, "credentials", () -> Credentials.redacted(user));
    }
    v.add("", "needs secretName (a Secret with the user and password) or user");
    return null;
  }
}
