package io.srcn.it.campaign.regressions;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
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
 * A TCP relay on 127.0.0.1 in front of a server that can be frozen: while frozen, requests still
 * reach the server but no answer byte reaches the client until {@link #thaw()}. A Kubernetes client
 * behind it then sees the API server as it was when the relay froze: its informer caches stand
 * still (watch events are held), and a GET is answered only after the thaw, with the server's state
 * at the moment the request arrived.
 *
 * <p>Thread-safe.
 */
final class FreezableRelay implements AutoCloseable {
  private final int targetPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "freezable-relay");
            t.setDaemon(true);
            return t;
          });
  private boolean frozen;

  FreezableRelay(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("relay cannot listen on 127.0.0.1", e);
    }
    threads.execute(this::accept);
  }

  /**
   * A client of the API server {@code direct} points at that goes through this relay, with a 60 s
   * request timeout so that requests wait out a freeze instead of failing.
   */
  KubernetesClient client(Config direct) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(direct)
                .withMasterUrl("http://127.0.0.1:" + port())
                .withRequestTimeout(60_000)
                .build())
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Holds every answer from now on. */
  synchronized void freeze() {
    frozen = true;
  }

  /** Delivers the held answers, in order, and relays freely again. */
  synchronized void thaw() {
    frozen = false;
    notifyAll();
  }

  private synchronized void awaitThawed() throws InterruptedException {
    while (frozen) {
      wait();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(target);
        threads.execute(() -> pump(client, target, false));
        threads.execute(() -> pump(target, client, true));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean answers) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (answers) {
          awaitThawed();
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  @Override
  public void close() {
    thaw();
    closeQuietly(server);
    open.forEach(FreezableRelay::closeQuietly);
    threads.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
