package io.srcn.testkit.junit;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.function.Consumer;

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
    Consumer<MockKubernetes.Builder> kubernetes,
    Consumer<FakeFrontend.Builder> frontend) {
  static final Config DEFAULT = new Config(false, true, b -> {}, b -> {});

  static Config of(CnTestkit annotation) {
    String[] versions = annotation.autoscalingVersions();
    return new Config(
        annotation.lifecycle() == CnTestkit.Lifecycle.PER_CLASS,
        annotation.bridged(),
        b -> b.autoscalingVersions(versions),
        b -> b.mode(annotation.feMode()));
  }
}
