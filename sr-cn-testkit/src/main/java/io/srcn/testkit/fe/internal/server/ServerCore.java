package io.srcn.testkit.fe.internal.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener of one fake FE: a loopback {@link ServerSocket}, one acceptor thread and a cached
 * pool of daemon threads, one per open connection. Tracks open connections so they can be dropped
 * all at once.
 *
 * <p>Thread-safe.
 */
public final class ServerCore {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);
  private static final int BACKLOG = 256;

  private final FeContext fe;
  private final QueryExecutor executor;
  private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;
  private ExecutorService pool;
  private Thread acceptor;
  // Between stop() and start(), a bound but not listening socket keeps the port: connections are
  // refused (no listener), yet neither a client's ephemeral port nor another server's port 0 can
  // take it, so the restart on the same port cannot fail because something else got there first.
  // Binding it also proves the listener is gone: a child process the JVM forks (kubectl, a driver
  // CLI) inherits the listening socket until it closes its descriptors, and the kernel keeps
  // answering on it meanwhile; the bind fails until then.
  private Socket reservation;
  private static final long RESERVE_MILLIS = 2_000;

  /** A stopped server for {@code fe}. */
  public ServerCore(FeContext fe) {
    this.fe = fe;
    this.executor = new QueryExecutor(fe);
  }

  /**
   * Binds {@code 127.0.0.1:port} (0 = ephemeral) and starts accepting.
   *
   * @return the bound port
   * @throws IOException when the port cannot be bound
   */
  public synchronized int start(int port) throws IOException {
    if (listener != null) {
      return listener.getLocalPort();
    }
    releasePort();
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    int bound = socket.getLocalPort();
    listener = socket;
    pool = newPool("fake-fe-" + bound + "-conn-");
    fe.queryPort(bound);
    ExecutorService workers = pool;
    acceptor = new Thread(() -> acceptLoop(socket, workers), "fake-fe-" + bound + "-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    return bound;
  }

  /**
   * Closes the listener and every open connection, keeping the port reserved for {@link
   * #start(int)} until {@link #releasePort()}; no-op when stopped.
   */
  public synchronized void stop() {
    if (listener == null) {
      return;
    }
    int port = listener.getLocalPort();
    try {
      listener.close();
    } catch (IOException e) {
      LOG.debug("closing the listener failed: {}", e.toString());
    }
    listener = null;
    pool.shutdown();
    pool = null;
    dropAllConnections();
    awaitAcceptorExit();
    reservation = reserve(port);
  }

  /** Gives up the port a stopped server keeps for its restart; no-op while running. */
  public synchronized void releasePort() {
    if (reservation != null) {
      try {
        reservation.close();
      } catch (IOException e) {
        LOG.debug("releasing the port failed: {}", e.toString());
      }
      reservation = null;
    }
  }

  private static Socket reserve(int port) {
    long deadline = System.nanoTime() + RESERVE_MILLIS * 1_000_000L;
    while (true) {
      Socket s = new Socket();
      try {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
      } catch (IOException e) {
        closeQuietly(s);
        if (System.nanoTime() >= deadline) {
          LOG.debug("cannot keep port {} during the stop: {}", port, e.toString());
          return null;
        }
      }
      try {
        Thread.sleep(5); // the listener lingers in a forked child for a few milliseconds
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  // The kernel keeps a listening socket alive while a thread is still blocked in accept() on it;
  // waiting for the acceptor makes the port free for an immediate restart.
  private void awaitAcceptorExit() {
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    acceptor = null;
  }

  /** True while listening. */
  public synchronized boolean isRunning() {
    return listener != null;
  }

  /** Closes every open client connection; the listener keeps accepting. */
  public void dropAllConnections() {
    for (ClientConnection c : open) {
      c.close();
    }
  }

  /** The number of open client connections. */
  public int openConnections() {
    return open.size();
  }

  private void acceptLoop(ServerSocket socket, ExecutorService workers) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (SocketException e) {
        return; // listener closed
      } catch (IOException e) {
        LOG.warn("accept failed: {}", e.toString());
        continue;
      }
      serve(client, workers);
    }
  }

  private synchronized void serve(Socket client, ExecutorService workers) {
    if (workers.isShutdown()) {
      closeQuietly(client); // accepted while stopping
      return;
    }
    ClientConnection[] self = new ClientConnection[1];
    ClientConnection connection =
        new ClientConnection(client, fe, executor, () -> open.remove(self[0]));
    self[0] = connection;
    open.add(connection);
    try {
      workers.execute(connection);
    } catch (RejectedExecutionException e) {
      open.remove(connection);
      connection.close(); // stopping
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      LOG.debug("closing a client socket failed: {}", e.toString());
    }
  }

  private static ExecutorService newPool(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, prefix + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
