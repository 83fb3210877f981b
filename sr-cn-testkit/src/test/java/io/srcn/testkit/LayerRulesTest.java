package io.srcn.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of sr-cn-testkit (docs/ARCHITECTURE.md, "Layer rules"), checked on its compiled
 * main and test classes: the testkit uses only the SDK's public API; the fake FE and the mock API
 * server know nothing of each other; an {@code internal} package is used only under its parent; the
 * SDK's integration tests ({@code io.srcn.it}) use public API only. White-box tests of SDK
 * internals against the testkit's servers live in the SDK's own package names ({@code
 * io.srcn.sdk.internal.*}) of this module's test tree, since the SDK module cannot depend on the
 * testkit (Maven forbids the cycle).
 */
class LayerRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));
  private static final JavaClasses TESTS =
      new ClassFileImporter().importPath(Path.of("target", "test-classes"));

  @Test
  void mainCodeUsesOnlyTheSdksPublicApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.srcn.sdk.internal..")
        .because("another module's main code never imports the SDK's internal packages")
        .check(MAIN);
  }

  @Test
  void fakeFrontendAndMockKubernetesAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage("io.srcn.testkit.fe..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.srcn.testkit.k8s..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("io.srcn.testkit.k8s..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.srcn.testkit.fe..", "io.srcn.sdk..")
        .because("the mock API server is a plain Kubernetes API server")
        .check(MAIN);
  }

  @Test
  void internalPackagesAreUsedOnlyUnderTheirParent() {
    classes()
        .that()
        .resideInAPackage("io.srcn.testkit.fe.internal..")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage("io.srcn.testkit.fe..")
        .check(MAIN);
    classes()
        .that()
        .resideInAPackage("io.srcn.testkit.k8s.internal..")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage("io.srcn.testkit.k8s..")
        .check(MAIN);
  }

  @Test
  void integrationTestsUseOnlyPublicApi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.srcn.sdk.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.srcn.sdk.internal..")
        .because(
            "only white-box tests placed in the SDK's own internal packages may use SDK internals")
        .check(TESTS);
    noClasses()
        .that()
        .resideInAPackage("io.srcn.it..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.srcn.testkit..internal..")
        .check(TESTS);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("io.srcn.testkit.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAnyPackage("io.srcn.testkit.fe", "io.srcn.testkit.k8s"),
            resideInAPackage("io.srcn.testkit..internal.."))
        .check(MAIN);
  }
}
