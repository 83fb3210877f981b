package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What the SDK puts on its users' classpath: no Guava (docs/ARCHITECTURE.md, "Dependencies"). The
 * SDK's test classpath is its own dependencies plus JUnit, AssertJ, Awaitility and slf4j-simple,
 * none of which brings Guava.
 */
class SdkDependenciesTest {

  @Test
  void guavaIsNotADependency() {
    assertThatThrownBy(() -> Class.forName("com.google.common.base.Preconditions"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
