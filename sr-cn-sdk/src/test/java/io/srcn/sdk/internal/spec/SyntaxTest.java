package io.srcn.sdk.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cn",
        "starrocks/cn-ubuntu:3.3.5",
        "registry.example.com:5000/team/cn:latest",
        "localhost/cn@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "ghcr.io/a/b_c/d__e/f-g:v1.2_3-rc.1"
      })
  void acceptsImageReferences(String image) {
    assertThat(Syntax.isImageReference(image)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "cn ubuntu", "cn:", "cn:tag:tag", "/cn", "cn/", "cn@sha256:12", "-cn"})
  void rejectsMalformedImages(String image) {
    assertThat(Syntax.isImageReference(image)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "app.kubernetes.io/name", "a-b_c.d", "example.com/x", "A1"})
  void acceptsQualifiedNames(String key) {
    assertThat(Syntax.isQualifiedName(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "a-", "a/b/c", "/a", "Example.com/a", "a b"})
  void rejectsOtherKeys(String key) {
    assertThat(Syntax.isQualifiedName(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a", "/opt/starrocks/cn/storage", "/a b/c"})
  void acceptsNormalizedAbsolutePaths(String path) {
    assertThat(Syntax.isAbsolutePath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "a", "/a/", "/a//b", "/a/./b", "/a/../b", "/a:b"})
  void rejectsOtherPaths(String path) {
    assertThat(Syntax.isAbsolutePath(path)).isFalse();
  }
}
