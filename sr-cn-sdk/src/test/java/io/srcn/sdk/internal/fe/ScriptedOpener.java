package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.HostPort;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens fake sessions; addresses can be down, refuse logins, or fail statements. */
final class ScriptedOpener implements SessionOpener {
  final Set<HostPort> down = new HashSet<>();
  final Map<HostPort, SQLException> loginErrors = new HashMap<>();
  final List<HostPort> opens = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> log = new ArrayList<>();
  final Deque<SQLException> nextStatementErrors = new ArrayDeque<>();
  int recoverAfterOpens = Integer.MAX_VALUE;
  boolean pingsFail;
  int pings;
  Session current;

  static SQLException refused() {
    return new SQLNonTransientConnectionException(
        "Communications link failure\n\nThe last packet sent successfully to the server was 0 ms ago.",
        "08S01",
        0,
        new ConnectException("Connection refused"));
  }

  static SQLException feError(int code, String state, String message) {
    return new SQLSyntaxErrorException(message, state, code);
  }

  @Override
  public FeSession open(HostPort address) throws SQLException {
    opens.add(address);
    if (opens.size() > recoverAfterOpens) {
      down.clear();
    }
    if (down.contains(address)) {
      throw refused();
    }
    SQLException login = loginErrors.get(address);
    if (login != null) {
      throw login;
    }
    current = new Session(address);
    return current;
  }

  final class Session implements FeSession {
    final HostPort address;
    boolean closed;

    Session(HostPort address) {
      this.address = address;
    }

    @Override
    public void execute(String sql) throws SQLException {
      run(sql);
    }

    @Override
    public List<Map<String, String>> query(String sql) throws SQLException {
      run(sql);
      return List.of(Map.of("@@version_comment", "StarRocks version 3.3.5"));
    }

    private void run(String sql) throws SQLException {
      if (closed) {
        throw new IllegalStateException("statement on a closed session");
      }
      if (down.contains(address)) {
        throw refused();
      }
      log.add(address + " " + sql);
      SQLException e = nextStatementErrors.poll();
      if (e != null) {
        throw e;
      }
    }

    @Override
    public boolean isValid() {
      pings++;
      return !pingsFail && !down.contains(address);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
