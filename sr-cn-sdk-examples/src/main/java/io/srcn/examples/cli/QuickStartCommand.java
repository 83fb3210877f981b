package io.srcn.examples.cli;

import io.srcn.examples.internal.ClusterEnvironment;
import io.srcn.examples.internal.Console;
import io.srcn.examples.internal.EmbeddedEnvironment;
import io.srcn.examples.internal.QuickStartFlow;
import io.srcn.examples.internal.QuickStartSettings;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn quickstart} (also {@code srcn} alone): deploys the seed's autoscaling group, makes
 * its HPA scale 1 -> 4 -> 1 while the pods register with the FE and are dropped again, deletes it,
 * and prints the final status. Runs on the embedded testkit unless {@code --fe} is given, in which
 * case it runs on the cluster of the kubeconfig and that FE (moving the autoscaling bounds instead
 * of simulating load).
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy an autoscaling group, scale it 1 -> 4 -> 1, delete it.",
      "Embedded testkit by default; a real cluster and FE with --fe (and --kubeconfig)."
    })
final class QuickStartCommand extends SrcnCommand {
  /** How fast the quick-start goes. */
  enum Pace {
    /** One pod per 2 s (embedded default). */
    DEMO,
    /** One pod per second, fast simulators (tests). */
    FAST,
    /** The seed's policy timing: one pod per 10 s (cluster default). */
    SEED
  }

  @Option(
      names = "--fe",
      paramLabel = "HOST:PORT",
      split = ",",
      description = "a real FE (query port, default 9030); repeat or comma-separate for several")
  List<String> fe = new ArrayList<>();

  @Option(
      names = "--fe-user",
      paramLabel = "USER",
      description = "FE user with NODE and OPERATE privileges (default: root)")
  String feUser = "root";

  @Option(names = "--name", paramLabel = "NAME", description = "group name (default: quickstart)")
  String name = "quickstart";

  @Option(names = "--image", paramLabel = "IMAGE", description = "CN image")
  String image = QuickStartSettings.IMAGE;

  @Option(
      names = "--pace",
      paramLabel = "PACE",
      description = "demo, fast or seed (default: demo embedded, seed on a cluster)")
  Pace pace;

  @Override
  public Integer call() {
    return runWith(parent);
  }

  /** Runs with the global options of {@code globals}. */
  int runWith(Srcn globals) {
    Console console = new Console(globals.cli().out());
    if (fe.isEmpty()) {
      if (globals.kubeconfig != null) {
        throw new UsageException(
            "--kubeconfig: the quick-start on a cluster also needs --fe HOST:PORT");
      }
      return embedded(globals, console);
    }
    return cluster(globals, console);
  }

  private int embedded(Srcn globals, Console console) {
    QuickStartSettings s = settings(pace == null ? Pace.DEMO : pace);
    if (globals.namespace != null) {
      s = s.withNamespace(globals.namespace);
    }
    try (EmbeddedEnvironment env = EmbeddedEnvironment.start(s)) {
      new QuickStartFlow(env, s, console).run();
    }
    console.plain("");
    console.plain(
        "Next: srcn --help lists the commands (render, plan, apply, status, scale, delete,");
    console.plain("controller); try them on the testkit's sandbox or on your cluster.");
    return Srcn.OK;
  }

  private int cluster(Srcn globals, Console console) {
    Frontend frontend = frontend(globals);
    try (Connection c = Connection.open(globals)) {
      QuickStartSettings s = settings(pace == null ? Pace.SEED : pace).withNamespace(c.namespace());
      try (ClusterEnvironment env = new ClusterEnvironment(c.kube(), frontend, c.describe())) {
        new QuickStartFlow(env, s, console).run();
      }
    }
    return Srcn.OK;
  }

  private Frontend frontend(Srcn globals) {
    String password = globals.cli().env().getOrDefault(globals.passwordEnv, "");
    try {
      return Frontend.at(fe.get(0), fe.subList(1, fe.size()).toArray(String[]::new))
          .credentials(Credentials.of(feUser, password));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fe: " + e.getMessage());
    }
  }

  private QuickStartSettings settings(Pace p) {
    QuickStartSettings base =
        switch (p) {
          case DEMO -> QuickStartSettings.demo();
          case FAST -> QuickStartSettings.fast();
          case SEED -> QuickStartSettings.cluster();
        };
    try {
      return base.withName(name).withImage(image);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
