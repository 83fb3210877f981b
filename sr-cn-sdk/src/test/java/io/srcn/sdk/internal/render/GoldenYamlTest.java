package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.ComputeNodeGroupSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec to YAML, compared byte for byte with the files in {@code golden/}. To regenerate them after
 * an intended rendering change, run with {@code -Dsrcn.golden.update=true} and review the diff.
 */
class GoldenYamlTest {
  private static final String DIR = "io/srcn/sdk/internal/render/golden/";

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("minimal", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::minimal),
        Arguments.of("full", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::full),
        Arguments.of(
            "seed-autoscaling", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::seedAutoscaling),
        Arguments.of("ip-mode", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::ipMode),
        Arguments.of("warehouse", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::warehouse),
        Arguments.of("cn33-data", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::cn33Data),
        Arguments.of("cn4-log-files", (Supplier<ComputeNodeGroupSpec>) ExampleSpecs::cn4LogFiles));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void renderingMatchesTheGoldenFile(String name, Supplier<ComputeNodeGroupSpec> spec)
      throws IOException {
    String yaml = spec.get().render().toYaml();
    if (Boolean.getBoolean("srcn.golden.update")) {
      Path file = Path.of("src/test/resources", DIR, name + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
    assertThat(yaml).isEqualTo(golden(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void renderingIsDeterministic(String name, Supplier<ComputeNodeGroupSpec> spec) {
    assertThat(spec.get().render().toYaml()).isEqualTo(spec.get().render().toYaml());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        GoldenYamlTest.class.getClassLoader().getResourceAsStream(DIR + name + ".yaml")) {
      assertThat(in).as("golden file %s.yaml", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
