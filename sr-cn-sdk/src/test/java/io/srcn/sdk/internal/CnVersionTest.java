package io.srcn.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.ComputeNodeGroups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CN version from the image tag or {@code cnVersion}, and the rules that differ by line. */
class CnVersionTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "starrocks/cn-ubuntu:3.5.2, 3.5.2",
    "registry.example.com:5000/starrocks/cn-ubuntu:3.4.6-ubuntu, 3.4.6",
    "starrocks/cn-ubuntu:v3.3.17, 3.3.17",
    "starrocks/cn-ubuntu:4.0.1@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        + ", 4.0.1",
    "starrocks/cn-ubuntu:latest, ",
    "starrocks/cn-ubuntu:3.5-latest, ",
    "starrocks/cn-ubuntu, ",
    "registry.example.com:5000/starrocks/cn-ubuntu, ",
  })
  void theImageTagNamesTheVersion(String image, String expected) {
    assertThat(CnVersion.ofImage(image).map(CnVersion::toString).orElse(null)).isEqualTo(expected);
  }

  /**
   * {@code stop_cn.sh -g} drains from 3.3.17, 3.4.6 and 3.5.2 (operator {@code GetPreStopCommand});
   * other lines and 4.x always.
   */
  @ParameterizedTest(name = "{0} drains: {1}")
  @CsvSource({
    "3.2.11, true",
    "3.3.5, false",
    "3.3.16, false",
    "3.3.17, true",
    "3.4.5, false",
    "3.4.6, true",
    "3.5.1, false",
    "3.5.2, true",
    "3.6.0, true",
    "4.0.0, true",
  })
  void gracefulStopDrainsFromTheFixedPatchLevels(String version, boolean drains) {
    assertThat(CnVersion.parse(version).orElseThrow().drainsOnGracefulStop()).isEqualTo(drains);
  }

  @ParameterizedTest(name = "{0} reads datacache_disk_path: {1}")
  @CsvSource({
    "3.2.11, true",
    "3.3.5, true",
    "3.3.17, true",
    "3.4.0, false",
    "3.5.2, false",
    "4.0.0, false"
  })
  void datacacheDiskPathIsReadUpToThe33Line(String version, boolean reads) {
    assertThat(CnVersion.parse(version).orElseThrow().readsDatacacheDiskPath()).isEqualTo(reads);
  }

  @org.junit.jupiter.api.Test
  void cnVersionOverridesTheTag() {
    var spec = ComputeNodeGroups.create("g").image("mirror.example/cn:prod-2026");
    assertThat(CnVersion.of(spec)).isEmpty();
    assertThat(CnVersion.of(spec.cnVersion("3.4.5"))).contains(new CnVersion(3, 4, 5));
    assertThat(CnVersion.of(spec.image("starrocks/cn-ubuntu:3.5.2").cnVersion("3.3.5")))
        .contains(new CnVersion(3, 3, 5));
  }
}
