package io.srcn.examples.cli;

import io.srcn.sdk.ComputeNodeGroupSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srcn render -f spec.yaml}: prints the group's Kubernetes objects as multi-document YAML,
 * without contacting any server (for GitOps and review).
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Print the group's Kubernetes objects as YAML (no cluster needed).")
final class RenderCommand extends SrcnCommand {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "the spec document (apiVersion srcn.io/v1, kind ComputeNodeGroup)")
  Path file;

  @Override
  public Integer call() {
    ComputeNodeGroupSpec spec = SpecFile.read(file, namespaceFlag(), () -> "default");
    out().print(spec.render().toYaml());
    out().flush();
    return Srcn.OK;
  }
}
