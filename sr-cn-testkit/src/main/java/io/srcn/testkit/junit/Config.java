package io.srcn.testkit.junit;

import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.k8s.MockKubernetesBuilder;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The extension's immutable configuration.
 *
 * @param perClass one pair per class
 * @param bridged bridge the FE to the pods
 * @param kubernetes customizer of the API server
 * @param frontend customizer of the FE
 */
record Config(
    boolean perClass,
    boolean bridged,
    Consumer<MockKubernetesBuilder> kubernetes,
    Consumer<FakeFrontendBuilder> frontend) {
  static final Config DEFAULT = new Config(false, true, b -> {}, b -> {});

  /**
   * The configuration an annotation states.
   *
   * @throws ExtensionConfigurationException naming the attribute when a value is invalid
   */
  static Config of(CnTestkit annotation) {
    String[] versions = annotation.autoscalingVersions();
    String[] namespaces = annotation.namespaces();
    boolean require = annotation.requireNamespaces();
    long heartbeat = annotation.heartbeatMillis();
    if (heartbeat < 0) {
      throw new ExtensionConfigurationException(
          "@CnTestkit(heartbeatMillis) must be 0 (the FE's default) or positive, got " + heartbeat);
    }
    return new Config(
        annotation.lifecycle() == CnTestkit.Lifecycle.PER_CLASS,
        annotation.bridged(),
        b -> b.autoscalingVersions(versions).namespaces(namespaces).requireNamespaces(require),
        b -> {
          b.mode(annotation.feMode()).version(annotation.feVersion());
          if (heartbeat > 0) {
            b.heartbeatInterval(Duration.ofMillis(heartbeat));
          }
        });
  }
}
