package io.srcn.examples.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the build ships besides the classes (run in the package phase, after the jars are built; the
 * reactor builds sr-cn-sdk and sr-cn-testkit first): sources and Javadoc jars for the two
 * libraries, so IDEs show the documentation, and the examples' test sources, so {@code
 * TestkitExample} ships as a file to copy.
 */
class ArtifactsIT {

  @Test
  void theLibrariesShipSourcesAndJavadoc() throws IOException {
    assertThat(entries(jar("../sr-cn-sdk/target", "-sources.jar")))
        .contains("io/srcn/sdk/ComputeNodeGroups.java", "io/srcn/sdk/GroupObjectNames.java");
    // with an Automatic-Module-Name, javadoc writes each page under the module's directory
    assertThat(entries(jar("../sr-cn-sdk/target", "-javadoc.jar")))
        .contains("index.html")
        .anyMatch(e -> e.endsWith("io/srcn/sdk/ComputeNodeGroups.html"))
        .noneMatch(e -> e.contains("/internal/"));
    assertThat(entries(jar("../sr-cn-testkit/target", "-sources.jar")))
        .contains("io/srcn/testkit/fe/FakeFrontend.java");
    assertThat(entries(jar("../sr-cn-testkit/target", "-javadoc.jar")))
        .anyMatch(e -> e.endsWith("io/srcn/testkit/fe/FakeFrontend.html"));
  }

  @Test
  void testkitExampleShipsAsSourceToCopy() throws IOException {
    assertThat(entries(jar("target", "-test-sources.jar")))
        .contains("io/srcn/examples/TestkitExample.java");
  }

  private static Path jar(String dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      assertThat(found).as("%s/*%s", dir, suffix).hasSize(1);
      return found.get(0);
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(e -> e.getName()).toList();
    }
  }
}
