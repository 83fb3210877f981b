package io.srcn.sdk.internal.fe;

import com.mysql.cj.jdbc.NonRegisteringDriver;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.TlsMode;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.HostPort;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens Connector/J connections to the FE. Credentials are resolved on every open, so a rotated
 * Secret takes effect with the next connection. The driver is used directly ({@link
 * NonRegisteringDriver}), never through {@code DriverManager}, to keep JVM-wide state untouched.
 *
 * <p>Connector/J properties set, and why:
 *
 * <ul>
 *   <li>{@code user}, {@code password}: passed as properties, never in the URL, which the driver
 *       may print in error messages.
 *   <li>{@code connectTimeout} = {@link Frontend#connectTimeout()}; {@code socketTimeout} = {@link
 *       Frontend#queryTimeout()}: a statement that gets no answer in time breaks the connection
 *       (reported as a connection failure, so the next FE is tried). {@code Statement}'s query
 *       timeout is not used, as Connector/J enforces it with {@code KILL QUERY} on a second
 *       connection.
 *   <li>{@code sslMode} from {@link TlsMode} (the JVM trust store applies to the VERIFY modes).
 *   <li>{@code connectionAttributes=program_name:sr-cn-sdk}: the SDK identifies itself.
 *   <li>{@code useLocalSessionState=true}: no {@code SELECT @@session.transaction_read_only} before
 *       each {@code ALTER}, no redundant {@code SET autocommit}.
 *   <li>{@code jdbcCompliantTruncation=false}: skips the {@code SET sql_mode} on login (the SDK
 *       writes no data).
 *   <li>{@code useServerPrepStmts=false}, {@code allowMultiQueries=false}, {@code
 *       allowLoadLocalInfile=false}, {@code autoReconnect=false}: client-side statements only, one
 *       statement per round trip (a second guard against injection), no file access, and
 *       reconnection handled by the SDK's failover instead of silently by the driver.
 *   <li>{@code tcpKeepAlive=true}, {@code characterEncoding=UTF-8}, {@code logger=Slf4JLogger}.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class JdbcSessionOpener implements SessionOpener {
  /** The program name the SDK announces in its connection attributes. */
  public static final String PROGRAM_NAME = "sr-cn-sdk";

  private static final NonRegisteringDriver DRIVER = newDriver();

  private final Frontend frontend;
  private final CredentialsResolver resolver;
  private final String namespace;

  /** Creates an opener for the FE's addresses, resolving credentials in {@code namespace}. */
  public JdbcSessionOpener(Frontend frontend, CredentialsResolver resolver, String namespace) {
    this.frontend = frontend;
    this.resolver = resolver;
    this.namespace = namespace;
  }

  @Override
  public FeSession open(HostPort address) throws SQLException {
    Credentials credentials = literalCredentials(address);
    Properties props = properties(frontend, credentials);
    Connection connection;
    try {
      connection = DRIVER.connect(url(address), props);
    } catch (SQLException e) {
      throw namingUser(e, credentials.literalUser().orElseThrow());
    }
    if (connection == null) {
      throw new SQLException("Connector/J did not accept the URL " + url(address), "08001");
    }
    int pingSeconds = (int) Math.max(1, frontend.connectTimeout().toSeconds());
    return new JdbcSession(connection, pingSeconds);
  }

  /**
   * A refused login names the user it tried (never the password), whatever the FE's message says;
   * other failures pass unchanged, so their classification stays the driver's.
   */
  static SQLException namingUser(SQLException e, String user) {
    if (FeErrors.classify(e) != FeErrors.Kind.ACCESS_DENIED) {
      return e;
    }
    return new SQLException(
        "login as FE user '" + user + "' refused: " + FeErrors.message(e),
        e.getSQLState(),
        e.getErrorCode(),
        e);
  }

  /** The JDBC URL of one FE, without credentials. */
  public static String url(HostPort address) {
    return "jdbc:mysql://" + address + "/";
  }

  /** The driver properties for {@code credentials}, which must be literal with a password. */
  public static Properties properties(Frontend frontend, Credentials credentials) {
    Properties p = new Properties();
    p.setProperty("user", credentials.literalUser().orElseThrow());
    p.setProperty("password", credentials.literalPassword().orElseThrow());
    p.setProperty("connectTimeout", millis(frontend.connectTimeout().toMillis()));
    p.setProperty("socketTimeout", millis(frontend.queryTimeout().toMillis()));
    p.setProperty("sslMode", sslMode(frontend.tlsMode()));
    p.setProperty("connectionAttributes", "program_name:" + PROGRAM_NAME);
    p.setProperty("useLocalSessionState", "true");
    p.setProperty("jdbcCompliantTruncation", "false");
    p.setProperty("useServerPrepStmts", "false");
    p.setProperty("allowMultiQueries", "false");
    p.setProperty("allowLoadLocalInfile", "false");
    p.setProperty("autoReconnect", "false");
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("characterEncoding", "UTF-8");
    p.setProperty("logger", "Slf4JLogger");
    return p;
  }

  /** Connector/J's {@code sslMode} value for a TLS mode. */
  public static String sslMode(TlsMode mode) {
    return mode.name();
  }

  private Credentials literalCredentials(HostPort address) {
    Credentials resolved = resolver.resolve(frontend.credentials(), namespace);
    if (!resolved.isLiteral() || resolved.literalUser().isEmpty()) {
      throw new FrontendAuthException(
          "connect to FE",
          0,
          null,
          address,
          "the credentials resolver returned a Secret reference instead of a user and password",
          null);
    }
    if (resolved.literalPassword().isEmpty()) {
      throw new FrontendAuthException(
          "connect to FE",
          0,
          null,
          address,
          "the password of FE user '"
              + resolved.literalUser().get()
              + "' is not recoverable (a spec read back from YAML keeps no password): use"
              + " Credentials.fromSecret(...) with a CredentialsResolver, or re-attach the literal"
              + " credentials",
          null);
    }
    return resolved;
  }

  private static String millis(long ms) {
    return Long.toString(Math.min(ms, Integer.MAX_VALUE));
  }

  private static NonRegisteringDriver newDriver() {
    try {
      return new NonRegisteringDriver();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the Connector/J driver", e);
    }
  }
}
