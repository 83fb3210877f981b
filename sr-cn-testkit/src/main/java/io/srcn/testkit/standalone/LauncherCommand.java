package io.srcn.testkit.standalone;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the standalone launcher ({@code fe}, later {@code k8s}, {@code sandbox}). A
 * command parses its options, starts its servers, prints exactly one {@code READY ...} line on
 * {@code out} once they accept connections, and returns a handle that stops them.
 *
 * <p>Implementations must be stateless and thread-safe; add them to {@link Main#COMMANDS}.
 */
interface LauncherCommand {
  /** The command word, e.g. {@code fe}. */
  String name();

  /** The options synopsis, e.g. {@code [--port N] [--shared-data]}. */
  String synopsis();

  /** One line describing what the command runs. */
  String description();

  /** The text {@code <command> --help} prints: usage, description and the options. */
  default String help() {
    return "usage: " + name() + " " + synopsis() + "\n" + description() + "\n";
  }

  /**
   * Starts the command's servers and prints the READY line.
   *
   * @throws UsageException on bad options (exit status 2)
   * @throws Exception when the servers cannot start (exit status 1)
   */
  AutoCloseable start(List<String> args, PrintStream out) throws Exception;
}
