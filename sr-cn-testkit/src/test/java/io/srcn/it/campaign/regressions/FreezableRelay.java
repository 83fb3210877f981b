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
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on 127.0.0.1 in front of a server that can be frozen: while frozen, requests still
 * reach the server but no answer byte reaches the client until {@link #thaw()}. A Kubernetes client
 * behind it then sees the API server as it was when the relay froze: its informer caches stand
 * still (watch events are held), and a GET is answered only after the thaw, with the server's state
 * at the moment the request arrived. {@link #freezeWatches()} holds only the answers on connections
 * whose last request was a watch ({@code watch=true}): the client's caches stand still while its
 * GETs, LISTs and writes go through.
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
  private boolean watchesFrozen;

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

  /** Holds every answer to a watch from now on; other answers flow. */
  synchronized void freezeWatches() {
    watchesFrozen = true;
  }

  /** Delivers the held answers, in order, and relays freely again. */
  synchronized void thaw() {
    frozen = false;
    watchesFrozen = false;
    notifyAll();
  }

  private synchronized void awaitThawed(AtomicBoolean watch) throws InterruptedException {
    while (frozen || (watchesFrozen && watch.get())) {
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
        AtomicBoolean watch = new AtomicBoolean();
        threads.execute(() -> pump(client, target, false, watch));
        threads.execute(() -> pump(target, client, true, watch));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean answers, AtomicBoolean watch) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (answers) {
          awaitThawed(watch);
        } else if (startsARequest(buf, n)) {
          watch.set(requestLine(buf, n).contains("watch=true"));
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

  private static boolean startsARequest(byte[] buf, int n) {
    String head = new String(buf, 0, Math.min(n, 8), StandardCharsets.US_ASCII);
    return head.startsWith("GET ")
        || head.startsWith("POST ")
        || head.startsWith("PUT ")
        || head.startsWith("PATCH ")
        || head.startsWith("DELETE ");
  }

  private static String requestLine(byte[] buf, int n) {
    String text = new String(buf, 0, n, StandardCharsets.US_ASCII);
    int end = text.indexOf('\r');
    return end < 0 ? text : text.substring(0, end);
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
