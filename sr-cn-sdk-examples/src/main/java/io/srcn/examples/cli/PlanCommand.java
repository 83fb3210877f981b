package io.srcn.examples.cli;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.Plan;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn plan -f spec.yaml}: what {@code apply} would change, object by object, without
 * writing anything.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what apply would change on the cluster, without writing.")
final class PlanCommand extends SrcnCommand {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "the spec document")
  Path file;

  @Override
  public Integer call() {
    try (Connection c = connect()) {
      ComputeNodeGroupSpec spec = SpecFile.read(file, namespaceFlag(), c::namespace);
      Plan plan = spec.plan(c.kube());
      out().println("plan for " + spec.namespace() + "/" + spec.name() + ":");
      for (ObjectChange change : plan.changes()) {
        out().println("  " + change);
      }
      out()
          .println(
              plan.hasChanges()
                  ? plan.changes().stream().filter(ObjectChange::isWrite).count()
                      + " object(s) to write"
                  : "no changes");
      return Srcn.OK;
    }
  }
}
