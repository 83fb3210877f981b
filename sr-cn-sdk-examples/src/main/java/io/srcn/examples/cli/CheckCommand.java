package io.srcn.examples.cli;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn check -f spec.yaml}: the preflight. One line per check (PASS, WARN or FAIL, a reason
 * and a fix); exit 0 when nothing FAILs, 1 when something does, 2 on bad usage. Writes nothing.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check whether a group can work on this cluster and FE, before creating it.")
final class CheckCommand extends SrcnCommand {
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
      PreflightReport report = ComputeNodeGroups.check(c.kube(), spec, c.resolver());
      for (PreflightCheck check : report.checks()) {
        out().println(check);
      }
      return report.passed() ? Srcn.OK : Srcn.FAILURE;
    }
  }
}
