package io.srcn.testkit.standalone;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone launcher of the testkit's servers, for non-Java platforms and people at a shell:
 * {@code java -jar sr-cn-testkit-<version>-standalone.jar <command> [options]}. Each command prints
 * exactly one {@code READY ...} line on stdout once its servers accept connections and runs until
 * the process is terminated (SIGTERM/SIGINT stop it cleanly). Logs go to stderr. Exit status: 0
 * after a clean stop, 1 when a server cannot start, 2 on bad usage.
 *
 * <p>Thread-safe: {@link #run} keeps no state between calls.
 */
public final class Main {
  /** The commands, by name; add new ones here. */
  private static final Map<String, LauncherCommand> COMMANDS =
      registry(new FeCommand(), new K8sCommand(), new SandboxCommand());

  private Main() {}

  /** Entry point of the standalone jar. */
  public static void main(String[] args) {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  awaitQuietly(stopped);
                },
                "srcn-launcher-shutdown"));
    int status = run(args, System.out, System.err, stop);
    stopped.countDown();
    if (status != 0 || stop.getCount() > 0) {
      System.exit(status);
    }
  }

  /**
   * Runs one command until {@code stop} is released; returns the exit status.
   *
   * @param args the command line
   * @param out receives the READY line (and usage when asked for)
   * @param err receives usage errors and failures
   * @param stop released to stop the command
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).print(usage());
      return args.length == 0 ? 2 : 0;
    }
    LauncherCommand command = COMMANDS.get(args[0]);
    if (command == null) {
      err.println("error: unknown command '" + args[0] + "'");
      err.print(usage());
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(command.help());
      return 0;
    }
    try (AutoCloseable running = command.start(rest, out)) {
      stop.await();
      return 0;
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: " + command.name() + " " + command.synopsis());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      err.println("error: " + command.name() + " failed to start: " + e);
      return 1;
    }
  }

  /** The usage text listing every command. */
  static String usage() {
    StringBuilder sb =
        new StringBuilder("usage: java -jar sr-cn-testkit-standalone.jar <command> [options]\n");
    sb.append("commands (<command> --help for details):\n");
    for (LauncherCommand c : COMMANDS.values()) {
      sb.append("  ").append(c.name()).append(' ').append(c.synopsis()).append('\n');
      sb.append("      ").append(c.description()).append('\n');
    }
    return sb.toString();
  }

  private static Map<String, LauncherCommand> registry(LauncherCommand... commands) {
    Map<String, LauncherCommand> map = new LinkedHashMap<>();
    for (LauncherCommand c : commands) {
      map.put(c.name(), c);
    }
    return map;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
