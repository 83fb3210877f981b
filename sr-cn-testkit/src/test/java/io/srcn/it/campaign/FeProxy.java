package io.srcn.it.campaign;

import io.srcn.sdk.fe.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A second (or third) address of the same FE: a TCP relay on 127.0.0.1 to the fake FE's port. Two
 * relays in front of one {@code FakeFrontend} behave like two FE addresses that share one catalog
 * (a follower forwards to the leader), so a test can take one address down ({@link #down()}) and
 * watch the client fail over while the registration state stays the same. While down, the relay
 * keeps its port but cuts every relayed connection and resets every new one at once, so the port
 * can never be lost to another listener.
 *
 * <p>Thread-safe.
 */
final class FeProxy implements AutoCloseable {
  private final int targetPort;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "campaign-fe-proxy");
            t.setDaemon(true);
            return t;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ServerSocket server;
  private volatile boolean down;

  FeProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("proxy cannot listen on 127.0.0.1", e);
    }
    threads.execute(this::accept);
  }

  /** Relays again; idempotent. */
  FeProxy up() {
    down = false;
    return this;
  }

  /** Cuts every relayed connection and resets new ones: this FE address is down. */
  synchronized void down() {
    down = true;
    open.forEach(FeProxy::closeQuietly);
    open.clear();
  }

  boolean isUp() {
    return !down;
  }

  HostPort address() {
    return HostPort.of("127.0.0.1", server.getLocalPort());
  }

  @Override
  public void close() {
    down();
    closeQuietly(server);
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        relay(server.accept());
      } catch (IOException e) {
        // the relay is closing
      }
    }
  }

  private void relay(Socket client) {
    if (down) {
      reset(client);
      return;
    }
    Socket target;
    try {
      target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
    } catch (IOException e) {
      reset(client); // the FE itself is down
      return;
    }
    if (register(client, target)) {
      threads.execute(() -> pump(client, target));
      threads.execute(() -> pump(target, client));
    }
  }

  private synchronized boolean register(Socket client, Socket target) {
    if (down) {
      reset(client);
      closeQuietly(target);
      return false;
    }
    open.add(client);
    open.add(target);
    return true;
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // closing anyway
    }
    closeQuietly(s);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing to do
    }
  }
}
