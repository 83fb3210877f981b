package io.srcn.examples.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one run of {@code srcn} talks to: its output streams, its environment variables (read for
 * the FE password and {@code KUBECONFIG}; passed in so that tests need no process-wide state), and
 * a latch released to stop long-running commands ({@code controller}), which say so with {@link
 * #stopsGracefully()} so that a shutdown waits for them.
 *
 * <p>Thread-safe.
 *
 * @param out standard output
 * @param err standard error (errors and usage)
 * @param env environment variables
 * @param stop released to stop a long-running command
 * @param graceful set by a command that watches {@code stop} and cleans up before it returns
 */
record CliContext(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    CountDownLatch stop,
    AtomicBoolean graceful) {
  CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(graceful, "graceful");
  }

  /** Called by a command that watches {@link #stop()}: a shutdown then waits for it to finish. */
  void stopsGracefully() {
    graceful.set(true);
  }
}
