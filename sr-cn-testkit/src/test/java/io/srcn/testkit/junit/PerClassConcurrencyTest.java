package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A shared (per-class) fixture must not be used by concurrently running methods: fail fast before
 * each method. Classes running concurrently with each other are fine (each has its own fixture).
 */
class PerClassConcurrencyTest {
  @CnTestkit(lifecycle = CnTestkit.Lifecycle.PER_CLASS)
  static final class SharedClass {}

  private static ExtensionContext methodContext(Class<?> testClass, ExecutionMode mode) {
    return (ExtensionContext)
        Proxy.newProxyInstance(
            ExtensionContext.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getExecutionMode":
                  return mode;
                case "getTestClass":
                  return Optional.of(testClass);
                case "getTestMethod":
                  return Optional.of(PerClassConcurrencyTest.class.getDeclaredMethods()[0]);
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }

  @Test
  void perClassWithConcurrentExecutionIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new CnTestkitExtension()
                    .beforeEach(methodContext(SharedClass.class, ExecutionMode.CONCURRENT)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("PER_CLASS");
  }

  @Test
  void perClassWithSameThreadExecutionIsFine() {
    new CnTestkitExtension()
        .beforeEach(methodContext(SharedClass.class, ExecutionMode.SAME_THREAD));
  }

  @Test
  void builderConfiguredPerClassIsCheckedToo() {
    CnTestkitExtension kit = CnTestkitExtension.builder().perClass().build();
    assertThatThrownBy(() -> kit.beforeEach(methodContext(Object.class, ExecutionMode.CONCURRENT)))
        .isInstanceOf(ExtensionConfigurationException.class);
  }
}
