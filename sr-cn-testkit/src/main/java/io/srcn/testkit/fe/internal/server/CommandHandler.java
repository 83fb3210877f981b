package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.fe.internal.protocol.Capabilities;
import io.srcn.testkit.fe.internal.protocol.Command;
import io.srcn.testkit.fe.internal.protocol.MalformedPacketException;
import io.srcn.testkit.fe.internal.protocol.PacketChannel;
import io.srcn.testkit.fe.internal.protocol.Packets;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.sql.Redactor;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The command phase of a connection: reads one command at a time and answers it (OK, ERR, result
 * set, or nothing for QUIT and STMT_CLOSE), with injected latency and failures and the statement
 * log.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class CommandHandler {
  private static final int STATUS = Capabilities.STATUS_AUTOCOMMIT;
  private static final int COLUMN_LENGTH = 1024;
  private static final int CACHED_ROWS = 16;

  private final FeContext fe;
  private final QueryExecutor executor;
  private final PayloadWriter out;
  private PacketChannel channel;
  private ResultTable lastTable; // the last large table sent, with its framed packets
  private byte[] lastFramed;
  private int lastPackets;
  private int lastFirstSequence;

  CommandHandler(FeContext fe, QueryExecutor executor, PayloadWriter out) {
    this.fe = fe;
    this.executor = executor;
    this.out = out;
  }

  /** Serves commands until COM_QUIT; I/O and protocol errors propagate and end the connection. */
  void loop(PacketChannel channel, Session session) throws IOException {
    this.channel = channel;
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
        query(session, new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8));
        break;
      case Command.PING:
        ok();
        break;
      case Command.INIT_DB:
        initDb(session, new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8));
        break;
      case Command.FIELD_LIST:
        channel.write(Packets.eof(out, STATUS));
        break;
      case Command.STMT_PREPARE:
        error(
            new FeError(
                1295,
                "HY000",
                "This command is not supported in the prepared statement protocol yet"));
        break;
      case Command.STMT_CLOSE:
        break; // no reply
      case Command.RESET_CONNECTION:
        session.database = null;
        ok();
        break;
      default:
        error(new FeError(1047, "08S01", "Unknown command"));
    }
  }

  private void initDb(Session session, String database) throws IOException {
    Reply r = executor.execute(session, "USE `" + database.replace("`", "``") + "`");
    write(r);
  }

  private void query(Session session, String sql) throws IOException {
    Instant received = fe.log().enabled() ? fe.clock().instant() : null;
    Reply reply = answer(session, sql);
    write(reply);
    if (fe.log().enabled()) {
      fe.log().add(record(session, Redactor.redact(sql), reply, received));
    }
  }

  private Reply answer(Session session, String sql) {
    session.statementStarted();
    Duration latency = fe.faults().latency();
    if (!latency.isZero() && !isKill(sql) && session.awaitUnlessKilled(latency)) {
      return new Reply.Error(new FeError(1317, "70100", "Query execution was interrupted"));
    }
    Optional<FeError> injected = fe.faults().takeFailure(sql);
    return injected.isPresent() ? new Reply.Error(injected.get()) : executor.execute(session, sql);
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

  private void write(Reply reply) throws IOException {
    if (reply instanceof Reply.Rows r) {
      resultSet(r.table());
    } else if (reply instanceof Reply.Error e) {
      error(e.error());
    } else {
      ok();
    }
  }

  private void resultSet(ResultTable table) throws IOException {
    if (table.rows().size() < CACHED_ROWS) {
      resultSet(channel, table);
      return;
    }
    // large tables (SHOW COMPUTE NODES) are shared until the state changes: encode them once
    if (table != lastTable || channel.sequence() != lastFirstSequence) {
      java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream(32 * 1024);
      PacketChannel encoder = new PacketChannel(java.io.InputStream.nullInputStream(), framed, 0);
      encoder.sequence(channel.sequence());
      int packets = resultSet(encoder, table);
      lastTable = table;
      lastFramed = framed.toByteArray();
      lastPackets = packets;
      lastFirstSequence = channel.sequence();
    }
    channel.writeFramed(lastFramed, lastPackets);
  }

  private int resultSet(PacketChannel target, ResultTable table) throws IOException {
    List<String> columns = table.columns();
    target.write(Packets.columnCount(out, columns.size()));
    for (String name : columns) {
      target.write(Packets.column(out, name, COLUMN_LENGTH));
    }
    target.write(Packets.eof(out, STATUS));
    for (List<String> row : table.rows()) {
      target.write(Packets.row(out, row));
    }
    target.write(Packets.eof(out, STATUS));
    return columns.size() + table.rows().size() + 3;
  }

  private void ok() throws IOException {
    channel.write(Packets.ok(out, 0, STATUS));
  }

  private void error(FeError e) throws IOException {
    channel.write(Packets.err(out, e.code(), e.sqlState(), e.getMessage()));
  }
}
