package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.ComputeNodeGroupSpec;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendered YAML and spec documents read like hand-written Kubernetes YAML (issue 15): quotes only
 * where YAML would otherwise read another type, and they still parse back to the same objects.
 */
class PlainYamlTest {
  static Stream<Arguments> examples() {
    return Stream.<Supplier<ComputeNodeGroupSpec>>of(
            ExampleSpecs::minimal,
            ExampleSpecs::seedAutoscaling,
            ExampleSpecs::ipMode,
            ExampleSpecs::warehouse,
            ExampleSpecs::full,
            ExampleSpecs::cn33Data,
            ExampleSpecs::cn4LogFiles)
        .map(s -> Arguments.of(s.get().name(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void renderedYamlParsesBackToTheSameObjects(String name, Supplier<ComputeNodeGroupSpec> spec) {
    RenderedObjects r = GroupRenderer.render(spec.get(), RenderOptions.defaults());
    List<HasMetadata> parsed = new KubernetesSerialization().unmarshal(r.toYaml());
    assertThat(parsed).hasSameSizeAs(r.objects());
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(Json.toMap(parsed.get(i))).isEqualTo(Json.toMap(r.objects().get(i)));
    }
  }

  @Test
  void onlyValuesYamlWouldMisreadAreQuoted() {
    String yaml = ExampleSpecs.full().render().toYaml();
    assertThat(yaml)
        .contains("kind: StatefulSet\n")
        .contains("  name: full-cn\n")
        .contains("image: registry.example.com/starrocks/cn-ubuntu:3.5.2\n")
        .contains("memory: 8Gi\n")
        .contains("prometheus.io/scrape: \"true\"\n") // a string, not a boolean
        .contains("cpu: \"4\"\n") // a string, not a number
        .contains("        - \"0\"\n")
        .contains("  cn.conf: |\n")
        .doesNotContain("kind: \"");
    String doc = ExampleSpecs.full().toYaml();
    assertThat(doc).contains("kind: ComputeNodeGroup\n").contains("  image: registry.example.com/");
  }

  @Test
  void anAutoscaledSpecsDocumentCarriesNoReplicas() {
    assertThat(ExampleSpecs.full().toYaml()).doesNotContain("replicas: 4");
    assertThat(ExampleSpecs.full().toYaml()).contains("minReplicas: 2");
    assertThat(ExampleSpecs.full().withoutAutoscaling().toYaml()).contains("  replicas: 4\n");
    // the canonical JSON (the StatefulSet annotation) keeps it for withoutAutoscaling()
    assertThat(ExampleSpecs.full().toCanonicalJson()).contains("\"replicas\":4");
  }
}
