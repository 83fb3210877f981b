package io.srcn.examples.cli;

import io.srcn.examples.internal.EventLog;
import io.srcn.examples.internal.Progress;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.RegistrationPendingException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code srcn scale NAME N [--wait]}: sets the number of pods of a group without autoscaling
 * (scaling in drops the removed pods' nodes from the FE once they are gone). A group that
 * autoscales is refused with status 2: its HPA owns the replicas.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "Set the number of pods of a group that does not autoscale.")
final class ScaleCommand extends SrcnCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "the group")
  String name;

  @Parameters(index = "1", paramLabel = "N", description = "the number of pods, 0..1000")
  int replicas;

  @Option(
      names = "--wait",
      description =
          "wait until the pods are Ready, registered and Alive (and removed ones dropped)")
  boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "how long --wait waits (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() {
    try (Connection c = connect();
        ComputeNodeGroup group =
            ComputeNodeGroups.get(c.kube(), c.namespace(), name, c.resolver())) {
      group.addListener(new EventLog(console()));
      try {
        group.scale(replicas);
        console().line("scaled %s/%s to %d", c.namespace(), name, replicas);
      } catch (RegistrationPendingException e) {
        // the scale stands; only the FE side is left (a controller or --wait finishes it)
        console().line("scaled %s/%s to %d; %s", c.namespace(), name, replicas, e.getMessage());
      }
      if (wait) {
        GroupStatus status = Waits.ready(group, timeout, console());
        console().line("ready: %s", Progress.line(status));
        console().block(status.toTable());
      }
      return Srcn.OK;
    }
  }
}
