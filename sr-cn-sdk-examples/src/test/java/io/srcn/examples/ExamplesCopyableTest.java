package io.srcn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example is copyable as it is: each file, copied alone into an empty directory, compiles
 * against sr-cn-sdk, sr-cn-testkit and (for the JUnit example) JUnit, AssertJ and Awaitility, with
 * nothing else of this module on the class path.
 */
class ExamplesCopyableTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/main/java/io/srcn/examples/AutoscalingExample.java",
        "src/main/java/io/srcn/examples/ControllerExample.java",
        "src/main/java/io/srcn/examples/QuickStart.java",
        "src/test/java/io/srcn/examples/TestkitExample.java"
      })
  void compilesAloneAgainstTheLibraries(String source, @TempDir Path dir) throws IOException {
    Path copy = dir.resolve("src").resolve(Path.of(source).getFileName());
    Files.createDirectories(copy.getParent());
    Files.copy(Path.of(source), copy);
    assertThat(Files.readString(copy))
        .doesNotContain("io.srcn.examples.internal")
        .doesNotContain("io.srcn.examples.cli")
        .doesNotContain("io.srcn.sdk.internal")
        .doesNotContain("io.srcn.testkit.k8s.internal");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-proc:none", "-d", dir.resolve("classes").toString(), "-cp", librariesOnly()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(copy.toFile()))
            .call();

    assertThat(ok).as("%s compiles alone:%n%s", source, errors).isTrue();
  }

  /** The test class path without this module's own classes. */
  private static String librariesOnly() {
    Path own = Path.of("target").toAbsolutePath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().startsWith(own))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
