package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.fe.internal.protocol.Capabilities;
import io.srcn.testkit.fe.internal.protocol.Command;
import io.srcn.testkit.fe.internal.protocol.MalformedPacketException;
import io.srcn.testkit.fe.internal.protocol.PacketChannel;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.sql.ParsedStatement;
import io.srcn.testkit.fe.internal.sql.Redactor;
import io.srcn.testkit.fe.internal.state.FeError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The command phase of a connection: reads one command at a time and answers it (OK, ERR, result
 * sets, or nothing for QUIT, STMT_CLOSE and STMT_SEND_LONG_DATA), with injected latency and
 * failures and the statement log. The commands and their answers follow StarRocks' {@code
 * fe/fe-core/src/main/java/com/starrocks/qe/ConnectProcessor.java} ({@code dispatch}).
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class CommandHandler {
  private static final int STATUS = Capabilities.STATUS_AUTOCOMMIT;
  private static final int MORE = STATUS | Capabilities.STATUS_MORE_RESULTS_EXISTS;

  private final FeContext fe;
  private final QueryExecutor executor;
  private final ReplyWriter replies;
  private final PreparedCommands prepared;
  private final ChangeUser changeUser;
  private PacketChannel channel;

  CommandHandler(FeContext fe, QueryExecutor executor, PayloadWriter out) {
    this.fe = fe;
    this.executor = executor;
    this.replies = new ReplyWriter(out);
    this.prepared = new PreparedCommands(fe, executor, replies, this);
    this.changeUser = new ChangeUser(fe, executor, replies, out);
  }

  /** Serves commands until COM_QUIT; I/O and protocol errors propagate and end the connection. */
  void loop(PacketChannel channel, Session session) throws IOException {
    this.channel = channel;
    replies.channel(channel);
    while (true) {
      channel.resetSequence();
      byte[] packet = channel.read();
      if (packet.length == 0) {
        throw new MalformedPacketException("empty command packet");
      }
      int command = packet[0] & 0xFF;
      if (command == Command.QUIT) {
        return;
      }
      dispatch(session, command, packet);
      channel.flush();
    }
  }

  private void dispatch(Session session, int command, byte[] packet) throws IOException {
    switch (command) {
      case Command.QUERY:
        query(session, text(packet));
        break;
      case Command.PING:
        replies.ok();
        break;
      case Command.INIT_DB:
        replies.write(executor.execute(session, useStatement(text(packet))), STATUS, false);
        break;
      case Command.FIELD_LIST:
        replies.eof();
        break;
      case Command.STMT_PREPARE:
        prepared.prepare(session, text(packet));
        break;
      case Command.STMT_EXECUTE:
        prepared.execute(session, packet);
        break;
      case Command.STMT_SEND_LONG_DATA:
        prepared.longData(session, packet); // no reply
        break;
      case Command.STMT_CLOSE:
        prepared.close(session, packet); // no reply
        break;
      case Command.STMT_RESET:
        prepared.reset(session, packet);
        break;
      case Command.CHANGE_USER:
        changeUser.handle(session, packet, channel);
        break;
      case Command.RESET_CONNECTION:
        // StarRocks resets the session variables only (ConnectProcessor.resetConnectionSession):
        // database, user variables and prepared statements stay; the fake has no session
        // variables to reset.
        replies.ok();
        break;
      default:
        replies.error(new FeError(1047, "08S01", "Unknown command"));
    }
  }

  private static String text(byte[] packet) {
    return new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8);
  }

  static String useStatement(String database) {
    return "USE `" + database.replace("`", "``") + "`";
  }

  /**
   * COM_QUERY with one or more statements: all are parsed first (a syntax error fails the whole
   * text), then run in order, each with its own result; every result but the last carries
   * MORE_RESULTS_EXISTS, and the first error ends the query (ConnectProcessor.executeQueryAttempt).
   */
  private void query(Session session, String sql) throws IOException {
    List<ParsedStatement> statements;
    try {
      statements = executor.parse(sql);
    } catch (FeError e) {
      runLogged(session, sql, s -> new Reply.Error(e), STATUS, false);
      return;
    }
    for (int i = 0, n = statements.size(); i < n; i++) {
      ParsedStatement p = statements.get(i);
      int status = i < n - 1 ? MORE : STATUS;
      Reply r = runLogged(session, p.sql(), s -> executor.run(s, p.statement()), status, false);
      if (r instanceof Reply.Error) {
        return;
      }
    }
  }

  /**
   * Runs one statement with the injected latency and failures, writes its reply (with {@code
   * status} unless it is an error) and logs it.
   */
  Reply runLogged(
      Session session, String sql, Function<Session, Reply> run, int status, boolean binary)
      throws IOException {
    Instant received = fe.log().enabled() ? fe.clock().instant() : null;
    session.statementStarted();
    session.runningSql = sql;
    session.stateSince = fe.clock().instant();
    Reply reply;
    try {
      reply = answer(session, sql, run);
    } finally {
      session.runningSql = null;
      session.stateSince = fe.clock().instant();
    }
    replies.write(reply, status, binary);
    if (fe.log().enabled()) {
      fe.log().add(record(session, Redactor.redact(sql), reply, received));
    }
    return reply;
  }

  private Reply answer(Session session, String sql, Function<Session, Reply> run) {
    Duration latency = fe.faults().latency();
    if (!latency.isZero() && !isKill(sql) && session.awaitUnlessKilled(latency)) {
      return new Reply.Error(new FeError(1317, "70100", "Query execution was interrupted"));
    }
    Optional<FeError> injected = fe.faults().takeFailure(sql);
    return injected.isPresent() ? new Reply.Error(injected.get()) : run.apply(session);
  }

  // KILL is answered at once, so a driver's query timeout can interrupt a delayed statement
  private static boolean isKill(String sql) {
    String s = sql.stripLeading();
    return s.regionMatches(true, 0, "KILL", 0, 4);
  }

  private static StatementRecord record(Session s, String sql, Reply reply, Instant time) {
    String user = s.user.name();
    if (reply instanceof Reply.Error e) {
      FeError err = e.error();
      return StatementRecord.error(
          s.connectionId, user, sql, err.code(), err.sqlState(), err.getMessage(), time);
    }
    if (reply instanceof Reply.Rows r) {
      return StatementRecord.rows(s.connectionId, user, sql, r.table().rows().size(), time);
    }
    return StatementRecord.ok(s.connectionId, user, sql, time);
  }
}
