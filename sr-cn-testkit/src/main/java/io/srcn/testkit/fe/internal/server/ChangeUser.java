package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.protocol.ChangeUserRequest;
import io.srcn.testkit.fe.internal.protocol.Handshake;
import io.srcn.testkit.fe.internal.protocol.NativePassword;
import io.srcn.testkit.fe.internal.protocol.PacketChannel;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.UserRegistry.User;
import java.io.IOException;
import java.util.Optional;

/**
 * COM_CHANGE_USER as StarRocks answers it ({@code MysqlProto.changeUser}, then {@code
 * ConnectProcessor.handleResetConnection}): authenticates the new user against the scramble of the
 * connection's handshake; on success switches user (and database, when one is given) and answers
 * OK; on failure answers ERR 1045 and the connection stays logged in as before. A client that names
 * a plugin other than mysql_native_password/mysql_clear_password gets an AuthSwitchRequest with the
 * same scramble, as at login.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class ChangeUser {
  private final FeContext fe;
  private final QueryExecutor executor;
  private final ReplyWriter replies;
  private final PayloadWriter out;

  ChangeUser(FeContext fe, QueryExecutor executor, ReplyWriter replies, PayloadWriter out) {
    this.fe = fe;
    this.executor = executor;
    this.replies = replies;
    this.out = out;
  }

  void handle(Session session, byte[] packet, PacketChannel channel) throws IOException {
    ChangeUserRequest request = ChangeUserRequest.parse(packet);
    byte[] auth = request.authResponse();
    String plugin = request.plugin();
    boolean clear = Handshake.CLEAR_PLUGIN.equals(plugin);
    if (plugin != null && !plugin.isEmpty() && !clear && !plugin.equals(Handshake.NATIVE_PLUGIN)) {
      channel.write(Handshake.authSwitch(out, session.scramble));
      channel.flush();
      auth = channel.read();
    }
    Optional<User> user = authenticate(request.user(), session.scramble, auth, clear);
    if (user.isEmpty()) {
      replies.error(
          new FeError(
              1045,
              "28000",
              "Access denied for user '"
                  + request.user()
                  + "' (using password: "
                  + (auth.length > 0 ? "YES" : "NO")
                  + ")"));
      return;
    }
    User previous = session.user;
    session.user = user.get();
    if (request.database() != null) {
      Reply r = executor.execute(session, CommandHandler.useStatement(request.database()));
      if (r instanceof Reply.Error e) {
        session.user = previous; // StarRocks restores the previous login
        replies.error(e.error());
        return;
      }
    }
    replies.ok();
  }

  private Optional<User> authenticate(String name, byte[] scramble, byte[] auth, boolean clear) {
    if (fe.faults().refuseLogins()) {
      return Optional.empty();
    }
    return fe.users()
        .get(name)
        .filter(
            u ->
                clear
                    ? NativePassword.verifyClear(u.storedHash(), auth)
                    : NativePassword.verify(scramble, u.storedHash(), auth));
  }
}
