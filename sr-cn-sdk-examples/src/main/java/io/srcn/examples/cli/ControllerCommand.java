package io.srcn.examples.cli;

import io.srcn.examples.internal.EventLog;
import io.srcn.examples.internal.Progress;
import io.srcn.examples.internal.ProgressTicker;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.InvalidSpecException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn controller}: runs the embedded {@link ComputeNodeController} in the foreground until
 * stopped (SIGTERM or Ctrl-C): it keeps every group of the namespace (or of the cluster with {@code
 * -A}) converged, registering pods as the HPA adds them and dropping them as it removes them.
 * Prints every event, and each group's status when it changes. With {@code --leader-election}
 * several instances can run; one works at a time.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = "Keep every group converged until stopped (Ctrl-C).")
final class ControllerCommand extends SrcnCommand {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "manage the groups of every namespace")
  boolean allNamespaces;

  @Option(
      names = "--resync",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "how often every group is re-checked against the FE (default: ${DEFAULT-VALUE})")
  Duration resync;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "4",
      description = "groups reconciled in parallel (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(
      names = "--leader-election",
      description = "work only while holding a Lease (for several replicas)")
  boolean leaderElection;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      defaultValue = "srcn-controller",
      description = "the Lease (default: ${DEFAULT-VALUE})")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NAMESPACE",
      description = "the Lease's namespace (default: the namespace)")
  String leaseNamespace;

  @Option(
      names = "--identity",
      paramLabel = "ID",
      description = "this instance's name in the Lease (default: srcn-<random>)")
  String identity;

  @Override
  public Integer call() {
    parent.cli().stopsGracefully();
    try (Connection c = connect()) {
      ComputeNodeController controller = build(c);
      controller.addListener(new EventLog(console()));
      try (controller) {
        controller.start();
        console()
            .line(
                "controller started on %s, %s, resync %s%s; stop with Ctrl-C",
                c.describe(),
                allNamespaces ? "all namespaces" : "namespace " + c.namespace(),
                DurationConverter.format(resync),
                leaderElection ? ", leader election as " + identity() : "");
        try (ProgressTicker ticker =
            ProgressTicker.start(
                console(), () -> Optional.of(summary(controller)), Duration.ofMillis(500))) {
          awaitStop();
        }
      }
      console().line("controller stopped");
      return Srcn.OK;
    }
  }

  private ComputeNodeController build(Connection c) {
    ComputeNodeController.Builder b =
        ComputeNodeController.builder(c.kube())
            .resyncPeriod(resync)
            .workers(workers)
            .credentialsResolver(c.resolver());
    if (!allNamespaces) {
      b.namespace(c.namespace());
    }
    if (leaderElection) {
      b.leaderElection(
          leaseNamespace == null ? c.namespace() : leaseNamespace, leaseName, identity());
    }
    try {
      return b.build();
    } catch (InvalidSpecException e) {
      throw new UsageException(
          e.violations().stream()
              .map(InvalidSpecException.Violation::message)
              .collect(Collectors.joining("; ")));
    }
  }

  private String identity() {
    if (identity == null) {
      identity = "srcn-" + UUID.randomUUID().toString().substring(0, 8);
    }
    return identity;
  }

  private static String summary(ComputeNodeController controller) {
    String groups =
        controller.statuses().stream()
            .map(ControllerCommand::line)
            .collect(Collectors.joining("; "));
    return (controller.isLeader() ? "working" : "standing by (not the leader)")
        + (groups.isEmpty() ? "" : ": " + groups);
  }

  private static String line(GroupStatus s) {
    return s.namespace() + "/" + s.name() + " " + Progress.line(s);
  }

  private void awaitStop() {
    try {
      parent.cli().stop().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
