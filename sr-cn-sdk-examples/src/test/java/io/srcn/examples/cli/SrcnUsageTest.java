package io.srcn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.examples.cli.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and invalid specs exit with status 2 and a message that names what is wrong. */
class SrcnUsageTest {
  @TempDir Path dir;

  private static final String VALID =
      "apiVersion: srcn.io/v1\n"
          + "kind: ComputeNodeGroup\n"
          + "metadata:\n"
          + "  name: g\n"
          + "  namespace: team-a\n"
          + "spec:\n"
          + "  image: starrocks/cn-ubuntu:3.3.5\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static Run srcn(String... args) {
    return Cli.srcn(Map.of(), args);
  }

  @Test
  void anInvalidSpecNamesEveryBadField() throws IOException {
    Path file =
        write(
            "bad.yaml",
            VALID
                + "  replicas: -1\n"
                + "  autoscaling: {minReplicas: 12, maxReplicas: 10}\n"
                + "  colour: blue\n");

    Run r = srcn("render", "-f", file.toString());

    assertThat(r.status()).as(r.all()).isEqualTo(2);
    assertThat(r.err())
        .contains("bad.yaml", "invalid spec")
        .contains("replicas", "autoscaling.minReplicas", "colour");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anIncompleteSpecNamesTheMissingField() throws IOException {
    Path file = write("noimage.yaml", VALID.replace("  image: starrocks/cn-ubuntu:3.3.5\n", ""));

    Run r = srcn("render", "-f", file.toString());

    assertThat(r.status()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("image");
  }

  @Test
  void aNamespaceFlagThatContradictsTheDocumentIsRefused() throws IOException {
    Path file = write("g.yaml", VALID);

    Run r = srcn("render", "-f", file.toString(), "-n", "team-b");

    assertThat(r.status()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("metadata.namespace is 'team-a' but -n says 'team-b'");
    assertThat(srcn("render", "-f", file.toString(), "-n", "team-a").status()).isZero();
  }

  @Test
  void commandLineMistakesExitWith2() throws IOException {
    Path file = write("g.yaml", VALID);
    Path missing = dir.resolve("missing.yaml");

    assertUsage(srcn("render"), "Missing required option");
    assertUsage(srcn("frobnicate"), "Unmatched argument");
    assertUsage(srcn("render", "-f", missing.toString()), "-f: cannot read");
    assertUsage(srcn("apply", "-f", file.toString(), "--timeout", "5x"), "5x");
    assertUsage(srcn("status", "g", "-o", "yaml"), "yaml");
    assertUsage(srcn("scale", "g", "many"), "many");
    assertUsage(
        srcn("status", "g", "--kubeconfig", missing.toString()), "--kubeconfig: cannot read");
    assertUsage(srcn("--kubeconfig", missing.toString()), "also needs --fe");
    assertUsage(srcn("quickstart", "--fe", "host:notaport"), "--fe");
  }

  @Test
  void checkExitsWith2OnBadUsageBeforeCallingTheCluster() throws IOException {
    Path kubeconfig =
        write(
            "kubeconfig",
            "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\n"
                + "contexts: [{name: c, context: {cluster: c, user: u}}]\n"
                + "current-context: c\n"
                + "users: [{name: u, user: {}}]\n");
    Path bad = write("bad.yaml", VALID + "  replicas: -1\n");
    String kube = kubeconfig.toString();

    assertUsage(srcn("check"), "Missing required option");
    assertUsage(
        srcn("check", "-f", dir.resolve("missing.yaml").toString(), "--kubeconfig", kube),
        "-f: cannot read");
    assertUsage(srcn("check", "-f", bad.toString(), "--kubeconfig", kube), "replicas");
    assertUsage(srcn("check", "-f", bad.toString(), "--output", "json"), "--output");
  }

  @Test
  void helpListsTheCommands() {
    Run r = srcn("--help");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(
            "quickstart",
            "render",
            "plan",
            "check",
            "apply",
            "status",
            "scale",
            "delete",
            "controller")
        .contains("--kubeconfig", "--fe-password-env", "Exit status");
  }

  private static void assertUsage(Run r, String message) {
    assertThat(r.status()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).as(r.all()).contains(message);
  }
}
