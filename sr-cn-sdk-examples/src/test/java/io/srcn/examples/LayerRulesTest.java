package io.srcn.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of sr-cn-sdk-examples (docs/ARCHITECTURE.md, "Layer rules"), checked on its
 * compiled main and test classes: the examples, the CLI and the benchmarks use only the public API
 * of the SDK and the testkit, as a user's code would; the CLI and the runnable examples share code
 * only through {@code io.srcn.examples.internal}; no package cycles.
 */
class LayerRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));

  @Test
  void onlyPublicApiOfTheOtherModules() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.srcn.sdk.internal..", "io.srcn.testkit..internal..")
        .because("another module's code never imports the SDK's or the testkit's internal packages")
        .check(ALL);
  }

  @Test
  void sharedCodeFlowsOneWay() {
    noClasses()
        .that()
        .resideInAPackage("io.srcn.examples.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.srcn.examples", "io.srcn.examples.cli..", "io.srcn.examples.bench..")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices().matching("io.srcn.examples.(**)").should().beFreeOfCycles().check(MAIN);
  }
}
