package io.srcn.examples.cli;

import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.GroupStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code srcn status NAME [-o table|json]}: the group's joined Kubernetes and FE status, as a table
 * for people or as JSON for programs. Observes only.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a group's pods, HPA, FE registration and conditions.")
final class StatusCommand extends SrcnCommand {
  /** Output formats. */
  enum Format {
    TABLE,
    JSON
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "the group")
  String name;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    try (Connection c = connect();
        ComputeNodeGroup group =
            ComputeNodeGroups.get(c.kube(), c.namespace(), name, c.resolver())) {
      GroupStatus status = group.status();
      if (format == Format.JSON) {
        out().println(status.toJson());
      } else {
        out().print(status.toTable());
      }
      out().flush();
      return Srcn.OK;
    }
  }
}
