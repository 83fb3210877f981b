package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.protocol.Capabilities;
import io.srcn.testkit.fe.internal.protocol.Handshake;
import io.srcn.testkit.fe.internal.protocol.HandshakeResponse;
import io.srcn.testkit.fe.internal.protocol.MalformedPacketException;
import io.srcn.testkit.fe.internal.protocol.NativePassword;
import io.srcn.testkit.fe.internal.protocol.PacketChannel;
import io.srcn.testkit.fe.internal.protocol.Packets;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.UserRegistry.User;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the connection phase (handshake, authentication, optional auth switch) and
 * then the command phase until the client quits or the connection breaks. Any protocol violation
 * ends this connection only.
 *
 * <p>Not thread-safe, except {@link #close()}, which any thread may call.
 */
final class ClientConnection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
  private static final int STATUS = Capabilities.STATUS_AUTOCOMMIT;

  private final Socket socket;
  private final FeContext fe;
  private final QueryExecutor executor;
  private final Runnable onClose;
  private final PayloadWriter out = new PayloadWriter(4096);
  private final CommandHandler commands;
  private PacketChannel channel;
  private volatile Session session; // set after login, for close() from other threads

  ClientConnection(Socket socket, FeContext fe, QueryExecutor executor, Runnable onClose) {
    this.socket = socket;
    this.fe = fe;
    this.executor = executor;
    this.onClose = onClose;
    this.commands = new CommandHandler(fe, executor, out);
  }

  @Override
  public void run() {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(ServerLimits.LOGIN_TIMEOUT_MILLIS);
      channel =
          new PacketChannel(
              new BufferedInputStream(socket.getInputStream(), 16 * 1024),
              new BufferedOutputStream(socket.getOutputStream(), 16 * 1024),
              ServerLimits.MAX_LOGIN_PACKET);
      Optional<Session> loggedIn = login();
      if (loggedIn.isPresent()) {
        session = loggedIn.get();
        socket.setSoTimeout(0);
        channel.maxMessage(ServerLimits.MAX_ALLOWED_PACKET);
        fe.register(session);
        try {
          commands.loop(channel, session);
        } finally {
          fe.unregister(session);
        }
      }
    } catch (EOFException e) {
      LOG.debug("client closed the connection");
    } catch (MalformedPacketException e) {
      LOG.debug("closing connection after a protocol error: {}", e.getMessage());
    } catch (IOException e) {
      LOG.debug("connection ended: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("connection ended by an unexpected error", e);
    } finally {
      onClose.run();
    }
  }

  /** Closes the socket from another thread (drop, stop); the connection thread then ends. */
  void close() {
    Session s = session;
    if (s != null) {
      s.killQuery(); // wakes a statement waiting out an injected latency
    }
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing a client socket failed: {}", e.toString());
    }
  }

  private Optional<Session> login() throws IOException {
    long id = fe.nextConnectionId();
    byte[] scramble = NativePassword.scramble();
    channel.write(Handshake.v10(out, fe.profile().version().serverVersion(), id, scramble));
    channel.flush();
    HandshakeResponse response = HandshakeResponse.parse(channel.read());
    if (response.sslRequest()) {
      sendError(new FeError(5400, "XX000", "Failed to change to SSL connection"));
      return Optional.empty();
    }
    byte[] auth = response.authResponse();
    boolean clear = Handshake.CLEAR_PLUGIN.equals(response.plugin());
    if (needsSwitch(response.plugin())) {
      channel.write(Handshake.authSwitch(out, scramble));
      channel.flush();
      auth = channel.read();
    }
    Optional<User> user = authenticate(response.user(), scramble, auth, clear);
    if (user.isEmpty()) {
      sendError(accessDenied(response.user(), auth.length > 0));
      return Optional.empty();
    }
    return openSession(id, user.get(), response.database(), scramble);
  }

  private static boolean needsSwitch(String plugin) {
    return plugin != null
        && !plugin.isEmpty()
        && !plugin.equals(Handshake.NATIVE_PLUGIN)
        && !plugin.equals(Handshake.CLEAR_PLUGIN);
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

  private Optional<Session> openSession(long id, User user, String database, byte[] scramble)
      throws IOException {
    String remote = socket.getInetAddress().getHostAddress();
    Session opened =
        new Session(
            id, user, remote, socket.getPort(), fe.clock().instant(), scramble, this::close);
    if (database != null) {
      Reply r = executor.execute(opened, "USE `" + database.replace("`", "``") + "`");
      if (r instanceof Reply.Error e) {
        sendError(e.error());
        return Optional.empty();
      }
    }
    channel.write(Packets.ok(out, 0, STATUS));
    channel.flush();
    return Optional.of(opened);
  }

  private static FeError accessDenied(String user, boolean withPassword) {
    return new FeError(
        1045,
        "28000",
        "Access denied for user '"
            + user
            + "' (using password: "
            + (withPassword ? "YES" : "NO")
            + ")");
  }

  private void sendError(FeError e) throws IOException {
    channel.write(Packets.err(out, e.code(), e.sqlState(), e.getMessage()));
    channel.flush();
  }
}
