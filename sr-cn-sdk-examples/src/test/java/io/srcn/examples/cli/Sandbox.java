package io.srcn.examples.cli;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.testkit.standalone.Main;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The testkit's standalone sandbox ({@code Main sandbox}: a fake FE and a mock Kubernetes API
 * server, bridged), started in-process on free ports as a user would start it from a shell; its
 * {@code READY fe=... kubeconfig=...} line is parsed for the address and the kubeconfig.
 */
final class Sandbox implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("READY fe=(\\S+) kubeconfig=(\\S+)");

  final String fe;
  final Path kubeconfig;
  private final CountDownLatch stop;
  private final Thread thread;
  private final ByteArrayOutputStream err;

  private Sandbox(
      String fe, Path kubeconfig, CountDownLatch stop, Thread thread, ByteArrayOutputStream err) {
    this.fe = fe;
    this.kubeconfig = kubeconfig;
    this.stop = stop;
    this.thread = thread;
    this.err = err;
  }

  /** Starts {@code sandbox --kubeconfig <dir>/kubeconfig <extra...>} and waits for READY. */
  static Sandbox start(Path dir, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("sandbox", "--kubeconfig", dir.resolve("kubeconfig").toString()));
    args.addAll(List.of(extra));
    CompletableFuture<String> ready = new CompletableFuture<>();
    PrintStream out = new PrintStream(new LineSink(ready), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              int status =
                  Main.run(
                      args.toArray(String[]::new),
                      out,
                      new PrintStream(err, true, StandardCharsets.UTF_8),
                      stop);
              ready.completeExceptionally(
                  new IllegalStateException("sandbox exited with " + status));
            },
            "sandbox");
    t.setDaemon(true);
    t.start();
    String line = ready.get(120, TimeUnit.SECONDS);
    Matcher m = READY.matcher(line);
    if (!m.find()) {
      stop.countDown();
      throw new IllegalStateException("unexpected READY line: " + line);
    }
    return new Sandbox(m.group(1), Path.of(m.group(2)), stop, t, err);
  }

  /** The sandbox FE as an SDK value, with this root password. */
  Frontend frontend(String rootPassword) {
    return Frontend.at(fe).credentials(Credentials.of("root", rootPassword));
  }

  /** What the sandbox logged on stderr. */
  String log() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join(30_000);
  }

  /** Completes the future with the first line that starts with READY. */
  private static final class LineSink extends OutputStream {
    private final CompletableFuture<String> ready;
    private final StringBuilder line = new StringBuilder();

    LineSink(CompletableFuture<String> ready) {
      this.ready = ready;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String l = line.toString().trim();
        line.setLength(0);
        if (l.startsWith("READY")) {
          ready.complete(l);
        }
      } else {
        line.append((char) b);
      }
    }
  }
}
