package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The renderer is pure: its sources import only the JDK, the fabric8 model (and fabric8's
 * serialization utility), Guava and the SDK's public spec types; never a client, the applier or
 * anything doing I/O.
 */
class RenderPurityTest {
  private static final List<String> ALLOWED =
      List.of(
          "java.util.",
          "java.nio.charset.",
          "java.math.",
          "java.time.",
          "io.fabric8.kubernetes.api.model.",
          "io.fabric8.kubernetes.client.utils.KubernetesSerialization",
          "java.security.MessageDigest",
          "java.security.NoSuchAlgorithmException",
          "io.srcn.sdk.");

  @Test
  void renderSourcesImportOnlyPureDependencies() throws IOException {
    Path dir = Path.of("src/main/java/io/srcn/sdk/internal/render");
    assertThat(dir).isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      List<String> imports =
          files
              .flatMap(RenderPurityTest::lines)
              .filter(l -> l.startsWith("import "))
              .map(l -> l.replace("import static ", "").replace("import ", "").replace(";", ""))
              .toList();
      assertThat(imports).isNotEmpty();
      assertThat(imports)
          .allSatisfy(i -> assertThat(ALLOWED).anyMatch(i::startsWith))
          .noneMatch(i -> i.startsWith("io.srcn.sdk.internal.apply"))
          .noneMatch(i -> i.startsWith("io.srcn.sdk.internal.fe"))
          .noneMatch(i -> i.startsWith("io.srcn.sdk.internal.sync"));
    }
  }

  private static Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p).stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
