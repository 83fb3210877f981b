package io.srcn.sdk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of sr-cn-sdk (docs/ARCHITECTURE.md, "Layer rules"), checked on the compiled main
 * classes. The testkit's and the examples' own {@code LayerRulesTest} check that no other module's
 * main code reaches into {@code io.srcn.sdk.internal}.
 *
 * <p>The public types ({@code io.srcn.sdk}, {@code io.srcn.sdk.fe}) are the vocabulary every layer
 * speaks, and the public entry points build the internal implementations; that one edge (public
 * type calls down into its implementation, the implementation uses public types) is the only
 * allowed cycle and is left out of the cycle check. Everything else is one-way.
 */
class LayerRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Api")
        .definedBy("io.srcn.sdk", "io.srcn.sdk.fe")
        .layer("Naming")
        .definedBy("io.srcn.sdk.naming..")
        .layer("Shared")
        .definedBy("io.srcn.sdk.internal")
        .layer("Spec")
        .definedBy("io.srcn.sdk.internal.spec..")
        .layer("Render")
        .definedBy("io.srcn.sdk.internal.render..")
        .layer("Status")
        .definedBy("io.srcn.sdk.internal.status..")
        .layer("Events")
        .definedBy("io.srcn.sdk.internal.events..")
        .layer("FeClient")
        .definedBy("io.srcn.sdk.internal.fe..")
        .layer("Kube")
        .definedBy("io.srcn.sdk.internal.kube..")
        .layer("Apply")
        .definedBy("io.srcn.sdk.internal.apply..")
        .layer("Sync")
        .definedBy("io.srcn.sdk.internal.sync..")
        .whereLayer("Naming")
        .mayNotAccessAnyLayer()
        .whereLayer("Shared")
        .mayOnlyAccessLayers("Api", "Naming")
        .whereLayer("Spec")
        .mayOnlyAccessLayers("Api", "Naming", "Shared")
        .whereLayer("Render")
        .mayOnlyAccessLayers("Api", "Naming", "Shared")
        .whereLayer("Status")
        .mayOnlyAccessLayers("Api", "Naming", "Shared")
        .whereLayer("Events")
        .mayOnlyAccessLayers("Api", "Naming")
        .whereLayer("FeClient")
        .mayOnlyAccessLayers("Api", "Shared")
        .whereLayer("Kube")
        .mayOnlyAccessLayers("Api", "Naming")
        .whereLayer("Apply")
        .mayOnlyAccessLayers("Api", "Naming", "Render")
        .whereLayer("Sync")
        .mayOnlyAccessLayers("Api", "Naming", "Shared", "Render", "Apply", "Status", "Events")
        .whereLayer("Sync")
        .mayOnlyBeAccessedByLayers("Api")
        .whereLayer("Apply")
        .mayOnlyBeAccessedByLayers("Api", "Sync")
        .whereLayer("FeClient")
        .mayOnlyBeAccessedByLayers("Api")
        .whereLayer("Kube")
        .mayOnlyBeAccessedByLayers("Api")
        .check(MAIN);
  }

  @Test
  void onlyTheEntryPointsReachTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("io.srcn.sdk")
        .and(
            not(
                belongToAnyOf(
                    ComputeNodeClient.class, ComputeNodeGroups.class, ComputeNodeController.class)))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.srcn.sdk.internal.sync..", "io.srcn.sdk.internal.apply..")
        .because(
            "the spec and the other public values stay values: the engine is reached only through"
                + " the entry points that own a session")
        .check(MAIN);
  }

  @Test
  void theFrontendClientKnowsNothingOfKubernetes() {
    noClasses()
        .that()
        .resideInAnyPackage("io.srcn.sdk.fe..", "io.srcn.sdk.internal.fe..", "io.srcn.sdk.naming..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .check(MAIN);
  }

  @Test
  void onlyKubeApplyEventsAndSyncUseTheKubernetesClient() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.srcn.sdk.internal",
            "io.srcn.sdk.internal.spec..",
            "io.srcn.sdk.internal.render..",
            "io.srcn.sdk.internal.status..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.fabric8.kubernetes.client..")
                .and(not(resideInAPackage("io.fabric8.kubernetes.client.utils.."))))
        .because("values, rules and the renderer are pure (fabric8's model and serializer only)")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("io.srcn.sdk.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAnyPackage("io.srcn.sdk", "io.srcn.sdk.fe"),
            resideInAPackage("io.srcn.sdk.internal.."))
        .check(MAIN);
  }
}
