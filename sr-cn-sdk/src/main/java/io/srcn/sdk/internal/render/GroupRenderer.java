package io.srcn.sdk.internal.render;

import io.srcn.sdk.ComputeNodeGroupSpec;
import java.util.Map;

/**
 * Turns a spec into the Kubernetes objects of its group. Pure: no client and no I/O; the same spec
 * and options always give equal objects and the same YAML bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class GroupRenderer {
  private GroupRenderer() {}

  /**
   * Renders the group.
   *
   * @throws io.srcn.sdk.InvalidSpecException when the spec is incomplete ({@code validate()})
   */
  public static RenderedObjects render(ComputeNodeGroupSpec spec, RenderOptions options) {
    spec.validate();
    String cnConf = CnConf.render(spec);
    Map<String, String> files = CnConf.files(spec, cnConf);
    return new RenderedObjects(
        SupportObjects.configMap(spec, files, options),
        SupportObjects.headlessService(spec, options),
        StatefulSetRenderer.statefulSet(spec, CnConf.hash(files)),
        HpaRenderer.autoscaler(spec, options),
        SupportObjects.podDisruptionBudget(spec, options),
        options.hpaVersion(),
        cnConf);
  }
}
