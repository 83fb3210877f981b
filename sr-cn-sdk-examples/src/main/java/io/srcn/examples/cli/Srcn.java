package io.srcn.examples.cli;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.InvalidSpecException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code srcn}: the sr-cn-sdk command line. Without a command it runs the quick-start on the
 * embedded testkit; the commands turn a spec document into a running, registered CN group and
 * manage it ({@code render}, {@code plan}, {@code check}, {@code apply}, {@code status}, {@code
 * scale}, {@code delete}) or run the embedded controller ({@code controller}).
 *
 * <p>Exit status: 0 success, 1 failure, 2 bad usage or an invalid spec (the message names the
 * field). The FE password is read from an environment variable ({@code --fe-password-env}), never
 * from a flag.
 *
 * <p>Not thread-safe: one instance per run; {@link #run} creates it.
 */
@Command(
    name = "srcn",
    mixinStandardHelpOptions = true,
    version = "srcn 0.1.0 (sr-cn-sdk)",
    description = {
      "Runs StarRocks Compute Node groups on Kubernetes and keeps them registered with the FE.",
      "Without a command: the quick-start on the embedded testkit (no cluster needed)."
    },
    footer = {
      "",
      "Exit status: 0 ok, 1 failure, 2 bad usage or invalid spec.",
      "The FE password of a literal user comes from the environment variable named by"
          + " --fe-password-env (default SRCN_FE_PASSWORD); unset means an empty password."
    })
public final class Srcn implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "kubeconfig context (default: the current context)")
  String kubeContext;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      scope = ScopeType.INHERIT,
      description = "namespace (default: the context's, else default)")
  String namespace;

  @Option(
      names = "--fe-password-env",
      paramLabel = "VAR",
      scope = ScopeType.INHERIT,
      defaultValue = "SRCN_FE_PASSWORD",
      description = "environment variable holding the FE password (default: ${DEFAULT-VALUE})")
  String passwordEnv;

  private final CliContext cli;

  private Srcn(CliContext cli) {
    this.cli = cli;
  }

  /**
   * Entry point of {@code srcn.jar}; exits with the command's status. SIGTERM and Ctrl-C stop the
   * {@code controller} command cleanly (the shutdown hook releases it and waits up to 30 s until it
   * has stopped); other commands simply end.
   */
  public static void main(String[] args) {
    CliContext cli =
        new CliContext(
            System.out, System.err, System.getenv(), new CountDownLatch(1), new AtomicBoolean());
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cli.stop().countDown();
                  if (cli.graceful().get()) {
                    awaitQuietly(finished);
                  }
                },
                "srcn-shutdown"));
    int status = run(args, cli);
    finished.countDown();
    if (cli.stop().getCount() > 0) {
      System.exit(status); // not during a shutdown: that would block
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code srcn} with these arguments.
   *
   * @param out standard output
   * @param err errors and usage
   * @param env environment variables (the FE password, {@code KUBECONFIG})
   * @param stop released to stop a long-running command ({@code controller})
   * @return the exit status: 0 ok, 1 failure, 2 bad usage or invalid spec
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      CountDownLatch stop) {
    return run(args, new CliContext(out, err, env, stop, new AtomicBoolean()));
  }

  private static int run(String[] args, CliContext context) {
    CommandLine cl = new CommandLine(new Srcn(context));
    cl.addSubcommand(new QuickStartCommand())
        .addSubcommand(new RenderCommand())
        .addSubcommand(new PlanCommand())
        .addSubcommand(new CheckCommand())
        .addSubcommand(new ApplyCommand())
        .addSubcommand(new StatusCommand())
        .addSubcommand(new ScaleCommand())
        .addSubcommand(new DeleteCommand())
        .addSubcommand(new ControllerCommand());
    cl.registerConverter(java.time.Duration.class, new DurationConverter());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(Srcn::failed);
    return cl.execute(args);
  }

  /** No command: the quick-start with the defaults. */
  @Override
  public Integer call() {
    if (kubeconfig != null) {
      throw new UsageException(
          "--kubeconfig: the quick-start on a cluster also needs --fe HOST:PORT"
              + " (srcn quickstart --kubeconfig PATH --fe HOST:PORT)");
    }
    return new QuickStartCommand().runWith(this);
  }

  /** The run's streams, environment and stop latch. */
  CliContext cli() {
    return cli;
  }

  private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UsageException || e instanceof InvalidSpecException) {
      err.println("error: " + e.getMessage());
      err.println("(" + cl.getCommandSpec().qualifiedName() + " --help shows the usage)");
      return USAGE;
    }
    if (e instanceof CnSdkException) {
      err.println("error: " + e.getMessage());
      return FAILURE;
    }
    err.println("error: " + e);
    return FAILURE;
  }
}
