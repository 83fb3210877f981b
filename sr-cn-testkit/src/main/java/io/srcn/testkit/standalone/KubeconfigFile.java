package io.srcn.testkit.standalone;

import io.srcn.testkit.k8s.MockKubernetes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kubeconfig a launcher command writes: at {@code --kubeconfig PATH}, or in a temporary file
 * that is deleted when the command stops.
 *
 * <p>Not thread-safe; owned by one command run.
 */
final class KubeconfigFile implements AutoCloseable {
  private final Path path;
  private final boolean temporary;

  private KubeconfigFile(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** Writes the server's kubeconfig. */
  static KubeconfigFile write(MockKubernetes k8s, Optional<String> requested) throws IOException {
    if (requested.isPresent()) {
      return new KubeconfigFile(
          k8s.writeKubeconfig(Path.of(requested.get()).toAbsolutePath()), false);
    }
    Path temp = Files.createTempFile("srcn-mock-kubeconfig-", ".yaml");
    return new KubeconfigFile(k8s.writeKubeconfig(temp), true);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(path);
    }
  }
}
