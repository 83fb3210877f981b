package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.fe.internal.protocol.Capabilities;
import io.srcn.testkit.fe.internal.protocol.MalformedPacketException;
import io.srcn.testkit.fe.internal.protocol.PayloadReader;
import io.srcn.testkit.fe.internal.sql.ParsedStatement;
import io.srcn.testkit.fe.internal.sql.Placeholders;
import io.srcn.testkit.fe.internal.sql.SqlSyntaxException;
import io.srcn.testkit.fe.internal.sql.Statement;
import io.srcn.testkit.fe.internal.state.FeError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Server-side prepared statements: COM_STMT_PREPARE, EXECUTE (binary result rows), SEND_LONG_DATA,
 * CLOSE and RESET. As StarRocks' {@code ConnectProcessor} does, only queries ({@code SELECT}) can
 * be prepared; any other statement gets 1295 {@code ER_UNSUPPORTED_PS}, after which drivers fall
 * back to client-side statements. An execution binds the values into the text as literals and then
 * runs like a query: injected faults, latency and the statement log apply to it.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class PreparedCommands {
  private static final int STATUS = Capabilities.STATUS_AUTOCOMMIT;
  private static final FeError UNSUPPORTED =
      new FeError(
          1295, "HY000", "This command is not supported in the prepared statement protocol yet");

  private final QueryExecutor executor;
  private final ReplyWriter replies;
  private final CommandHandler handler;
  private final boolean supported;

  PreparedCommands(
      FeContext fe, QueryExecutor executor, ReplyWriter replies, CommandHandler handler) {
    this.executor = executor;
    this.replies = replies;
    this.handler = handler;
    FeVersion v = fe.profile().version();
    this.supported = v != FeVersion.V2_4 && v != FeVersion.V3_0;
  }

  /** False (and the FE's error sent) when this FE version has no prepared statements. */
  private boolean supported(String command) throws IOException {
    if (!supported) {
      replies.error(FeError.of("Unsupported command(" + command + ")"));
    }
    return supported;
  }

  void prepare(Session session, String sql) throws IOException {
    if (!supported("COM_STMT_PREPARE")) {
      return;
    }
    try {
      Placeholders markers = Placeholders.of(sql);
      List<ParsedStatement> parsed = executor.parsePrepared(sql);
      if (parsed.size() != 1 || !(parsed.get(0).statement() instanceof Statement.Select s)) {
        throw UNSUPPORTED;
      }
      executor.columns(session, s); // evaluates once: unknown variables fail at prepare time
      // StarRocks (StmtExecutor.sendStmtPrepareOK) announces no columns at prepare time; the
      // metadata comes with each execution's result set
      List<String> columns = List.of();
      Optional<Long> id =
          session.prepared.add(new PreparedStatements.Prepared(markers, List.copyOf(columns)));
      if (id.isEmpty()) {
        throw new FeError(
            1461,
            "42000",
            "Can't create more than max_prepared_stmt_count statements (current value: "
                + PreparedStatements.MAX_PER_CONNECTION
                + ")");
      }
      replies.prepareOk(id.get(), markers.count(), columns);
    } catch (SqlSyntaxException e) {
      replies.error(FeError.of(e.getMessage()));
    } catch (FeError e) {
      replies.error(e);
    }
  }

  void execute(Session session, byte[] packet) throws IOException {
    if (!supported("COM_STMT_EXECUTE")) {
      return;
    }
    PayloadReader in = new PayloadReader(packet);
    in.skip(1);
    long id = in.int4();
    in.skip(5); // flags (cursor type: the fake never opens cursors), iteration count
    Optional<PreparedStatements.Prepared> p = session.prepared.get(id);
    if (p.isEmpty()) {
      replies.error(FeError.of("msg: Not Found prepared statement, stmtName: " + id));
      return;
    }
    List<Object> values = BinaryParameters.read(in, p.get());
    p.get().longData.clear();
    String sql = p.get().placeholders.bind(values);
    List<ParsedStatement> parsed;
    try {
      parsed = executor.parse(sql);
    } catch (FeError e) {
      handler.runLogged(session, sql, s -> new Reply.Error(e), STATUS, true);
      return;
    }
    Statement statement = parsed.get(0).statement();
    handler.runLogged(session, sql, s -> executor.run(s, statement), STATUS, true);
  }

  void longData(Session session, byte[] packet) throws MalformedPacketException {
    PayloadReader in = new PayloadReader(packet);
    in.skip(1);
    long id = in.int4();
    int param = in.int2();
    byte[] data = in.bytes(in.remaining());
    session
        .prepared
        .get(id)
        .filter(p -> param < p.types.length)
        .ifPresent(
            p ->
                p.longData
                    .computeIfAbsent(param, k -> new ByteArrayOutputStream())
                    .writeBytes(data));
  }

  void close(Session session, byte[] packet) throws MalformedPacketException {
    PayloadReader in = new PayloadReader(packet);
    in.skip(1);
    session.prepared.remove(in.int4());
  }

  /** COM_STMT_RESET: OK (StarRocks' handleStmtReset); long data sent so far is dropped. */
  void reset(Session session, byte[] packet) throws IOException {
    if (!supported("COM_STMT_RESET")) {
      return;
    }
    PayloadReader in = new PayloadReader(packet);
    in.skip(1);
    session.prepared.get(in.int4()).ifPresent(p -> p.longData.clear());
    replies.ok();
  }
}
