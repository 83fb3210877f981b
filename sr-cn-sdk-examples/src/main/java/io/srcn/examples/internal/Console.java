package io.srcn.examples.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Progress output of the examples and the CLI: each line carries the seconds elapsed since the
 * console was created, e.g. {@code [ 3.2s] scaled out: 4 pods}; blocks (status tables) are indented
 * under it.
 *
 * <p>Thread-safe: lines from listener threads and the main thread never interleave.
 */
public final class Console {
  private static final String INDENT = "         ";

  private final PrintStream out;
  private final long start = System.nanoTime();

  /** A console printing to {@code out}. */
  public Console(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The stream it prints to. */
  public PrintStream stream() {
    return out;
  }

  /** Prints one line with the elapsed time. */
  public synchronized void line(String format, Object... args) {
    out.printf(
        Locale.ROOT, "[%5.1fs] %s%n", elapsedSeconds(), String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Prints a block of text (a table), each line indented to the messages. */
  public synchronized void block(String text) {
    for (String l : text.split("\n", -1)) {
      if (!l.isEmpty()) {
        out.println(INDENT + l);
      }
    }
    out.flush();
  }

  /** Prints a line as it is, without time. */
  public synchronized void plain(String text) {
    out.println(text);
    out.flush();
  }

  /** Seconds since the console was created. */
  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
