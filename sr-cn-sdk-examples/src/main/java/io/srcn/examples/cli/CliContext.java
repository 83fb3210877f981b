package io.srcn.examples.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What one run of {@code srcn} talks to: its output streams, its environment variables (read for
 * the FE password and {@code KUBECONFIG}; passed in so that tests need no process-wide state), and
 * a latch released to stop long-running commands ({@code controller}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param out standard output
 * @param err standard error (errors and usage)
 * @param env environment variables
 * @param stop released to stop a long-running command
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, CountDownLatch stop) {
  CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(stop, "stop");
  }
}
