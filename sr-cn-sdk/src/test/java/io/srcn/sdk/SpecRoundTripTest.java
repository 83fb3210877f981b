package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML and canonical JSON round-trips over 500 generated specs covering every field. */
class SpecRoundTripTest {
  static Stream<Long> seeds() {
    return LongStream.range(0, 500).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void yamlAndJsonRoundTripExactly(long seed) {
    ComputeNodeGroupSpec spec = new SpecGenerator(seed).spec();
    ComputeNodeGroupSpec expected = withoutPasswords(spec);

    String yaml = spec.toYaml();
    ComputeNodeGroupSpec fromYaml = ComputeNodeGroupSpec.fromYaml(yaml);
    // the document of an autoscaled group carries no replicas (the HPA owns them)
    ComputeNodeGroupSpec expectedFromYaml =
        expected.autoscaling().isPresent() ? expected.replicas(1) : expected;
    assertThat(fromYaml).as(yaml).isEqualTo(expectedFromYaml);
    assertThat(fromYaml.hashCode()).isEqualTo(expectedFromYaml.hashCode());
    assertThat(yaml.contains("\n  replicas:")).isEqualTo(spec.autoscaling().isEmpty());

    String json = spec.toCanonicalJson();
    ComputeNodeGroupSpec fromJson = ComputeNodeGroupSpec.fromCanonicalJson(json);
    assertThat(fromJson).as(json).isEqualTo(expected);
    assertThat(fromJson.toCanonicalJson()).isEqualTo(json);
    assertThat(fromYaml.toYaml()).isEqualTo(yaml);
    assertThat(json.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")).doesNotContainAnyWhitespaces();
  }

  @Test
  void theGeneratorCoversEveryField() {
    var specs = seeds().limit(200).map(s -> new SpecGenerator(s).spec()).toList();
    assertThat(specs).anyMatch(s -> s.image().isPresent() && !s.tolerations().isEmpty());
    assertThat(specs)
        .anyMatch(s -> s.autoscaling().map(a -> !a.customMetrics().isEmpty()).orElse(false));
    assertThat(specs).anyMatch(s -> s.autoscaling().flatMap(Autoscaling::scaleDown).isPresent());
    assertThat(specs)
        .anyMatch(s -> s.frontend().map(f -> f.credentials().isLiteral()).orElse(false));
    assertThat(specs)
        .anyMatch(s -> s.frontend().map(f -> !f.credentials().isLiteral()).orElse(false));
    assertThat(specs).anyMatch(s -> !s.resources().isEmpty());
    assertThat(specs).anyMatch(s -> !s.config().isEmpty() && !s.env().isEmpty());
    assertThat(specs).anyMatch(s -> !s.nodeSelector().isEmpty() && s.affinity().isPresent());
    assertThat(specs).anyMatch(s -> !s.topologySpreadConstraints().isEmpty());
    assertThat(specs).anyMatch(s -> !s.podLabels().isEmpty() && !s.podAnnotations().isEmpty());
    assertThat(specs)
        .anyMatch(s -> !s.imagePullSecrets().isEmpty() && s.serviceAccount().isPresent());
    assertThat(specs)
        .anyMatch(s -> s.securityContext().isPresent() && s.imagePullPolicy().isPresent());
    assertThat(specs).anyMatch(s -> !s.ports().equals(Ports.defaults()));
    assertThat(specs).anyMatch(s -> !s.probes().equals(Probes.defaults()));
    assertThat(specs).anyMatch(s -> !s.storage().isEmpty() && s.warehouse().isPresent());
    assertThat(specs).anyMatch(s -> s.addressMode() == AddressMode.POD_IP);
    assertThat(specs).anyMatch(s -> !s.command().isEmpty() && !s.args().isEmpty());
    assertThat(specs).anyMatch(s -> !s.clusterDomain().equals("cluster.local"));
    assertThat(specs).anyMatch(s -> s.logs() == LogOutput.FILES && s.cnVersion().isPresent());
    assertThat(specs).anyMatch(s -> !s.configFiles().isEmpty());
    for (VolumePurpose p : VolumePurpose.values()) {
      assertThat(specs)
          .anyMatch(s -> s.storage().stream().anyMatch(v -> v.purpose().equals(Optional.of(p))));
    }
    assertThat(specs).anyMatch(s -> s.storage().stream().anyMatch(v -> v.purpose().isEmpty()));
  }

  @Test
  void equalSpecsGiveTheSameBytesWhateverTheOrderOfTheirMaps() {
    ComputeNodeGroupSpec a =
        ComputeNodeGroups.create("g")
            .config("a", "1")
            .config("b", "2")
            .podLabel("x", "1")
            .podLabel("y", "2");
    ComputeNodeGroupSpec b =
        ComputeNodeGroups.create("g")
            .podLabel("y", "2")
            .config("b", "2")
            .podLabel("x", "1")
            .config("a", "1");
    assertThat(a).isEqualTo(b);
    assertThat(a.toCanonicalJson()).isEqualTo(b.toCanonicalJson());
    assertThat(a.toYaml()).isEqualTo(b.toYaml());
  }

  @Test
  void aLiteralPasswordIsNeverWritten() {
    ComputeNodeGroupSpec spec =
        ComputeNodeGroups.create("g")
            .registerWith(Frontend.at("fe:9030").credentials(Credentials.of("admin", "s3cr3t!")));
    assertThat(spec.toYaml())
        .doesNotContain("s3cr3t!")
        .contains("admin")
        .contains("passwordOmitted");
    assertThat(spec.toCanonicalJson()).doesNotContain("s3cr3t!");
    assertThat(spec.toString()).doesNotContain("s3cr3t!");
    Credentials back =
        ComputeNodeGroupSpec.fromYaml(spec.toYaml()).frontend().orElseThrow().credentials();
    assertThat(back.isRedacted()).isTrue();
    assertThat(back.literalUser()).contains("admin");
    assertThat(back.withPassword("s3cr3t!")).isEqualTo(Credentials.of("admin", "s3cr3t!"));
  }

  static ComputeNodeGroupSpec withoutPasswords(ComputeNodeGroupSpec spec) {
    return spec.frontend()
        .map(f -> spec.registerWith(f.credentials(f.credentials().withoutPassword())))
        .orElse(spec);
  }
}
