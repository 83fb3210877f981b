package io.srcn.examples.cli;

import io.srcn.examples.internal.Console;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every {@code srcn} command shares: the global options of its parent and the run's output.
 *
 * <p>Not thread-safe; picocli creates one instance per run.
 */
abstract class SrcnCommand implements Callable<Integer> {
  @ParentCommand Srcn parent;

  private Console console;

  /** Standard output. */
  final PrintStream out() {
    return parent.cli().out();
  }

  /** Progress output with elapsed times, on standard output. */
  final synchronized Console console() {
    if (console == null) {
      console = new Console(out());
    }
    return console;
  }

  /** Connects to the cluster named by the global options; the caller closes it. */
  final Connection connect() {
    return Connection.open(parent);
  }

  /** The {@code -n} option, if given. */
  final Optional<String> namespaceFlag() {
    return Optional.ofNullable(parent.namespace);
  }
}
