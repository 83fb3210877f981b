package io.srcn.examples.cli;

import io.srcn.examples.internal.EventLog;
import io.srcn.examples.internal.Progress;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.Plan;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn apply -f spec.yaml [--wait]}: applies the group's objects and registers its Ready
 * pods with the FE; with {@code --wait}, keeps registering until every pod is Ready, registered and
 * Alive, printing progress, then prints the status table.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Create or update the group and register its Ready pods with the FE.")
final class ApplyCommand extends SrcnCommand {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "the spec document")
  Path file;

  @Option(
      names = "--wait",
      description = "wait until every pod is Ready, registered and Alive in the FE")
  boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "how long --wait waits (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() {
    try (Connection c = connect()) {
      ComputeNodeGroupSpec spec = SpecFile.read(file, namespaceFlag(), c::namespace).validate();
      Plan plan = spec.plan(c.kube());
      console().line("applying %s/%s to %s", spec.namespace(), spec.name(), c.describe());
      for (ObjectChange change : plan.changes()) {
        console().line("  %s", change);
      }
      try (ComputeNodeGroup group = spec.deploy(c.kube(), c.resolver())) {
        group.addListener(new EventLog(console()));
        GroupStatus status = group.status();
        console().line("applied: %s", Progress.line(status));
        if (wait) {
          status = Waits.ready(group, timeout, console());
          console().line("ready: %s", Progress.line(status));
          console().block(status.toTable());
        }
      }
      return Srcn.OK;
    }
  }
}
