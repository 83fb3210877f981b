package io.srcn.it.campaign;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invariant of the "a handle changes the spec while the controller runs" step: after
 * quiescence, the group's Kubernetes objects match the last spec a handle wrote: the StatefulSet
 * records it, an HPA exists exactly when it autoscales, and a fixed-size group has its replicas.
 *
 * <p>Stateless.
 */
final class SpecInvariant {
  private SpecInvariant() {}

  /** The violations, one line per group whose objects do not match its last written spec. */
  static List<String> violations(
      KubernetesClient kube, String ns, Map<String, ComputeNodeGroupSpec> lastWritten) {
    List<String> out = new ArrayList<>();
    lastWritten.forEach(
        (group, spec) -> {
          StatefulSet sts =
              kube.apps().statefulSets().inNamespace(ns).withName(Names.statefulSet(group)).get();
          if (sts == null) {
            out.add("SPEC_NOT_WINNING: group " + group + " has no StatefulSet");
            return;
          }
          String recorded = sts.getMetadata().getAnnotations().get(Labels.SPEC_ANNOTATION);
          boolean hpa =
              kube.autoscaling()
                      .v2()
                      .horizontalPodAutoscalers()
                      .inNamespace(ns)
                      .withName(Names.autoscaler(group))
                      .get()
                  != null;
          List<String> wrong = new ArrayList<>();
          if (!spec.toCanonicalJson().equals(recorded)) {
            wrong.add("recorded " + recorded);
          }
          if (hpa != spec.autoscaling().isPresent()) {
            wrong.add(hpa ? "an HPA exists" : "no HPA");
          }
          Integer replicas = sts.getSpec().getReplicas();
          if (spec.autoscaling().isEmpty() && (replicas == null || replicas != spec.replicas())) {
            wrong.add("replicas " + replicas);
          }
          if (!wrong.isEmpty()) {
            out.add(
                "SPEC_NOT_WINNING: group "
                    + group
                    + " last written "
                    + spec.toCanonicalJson()
                    + " but "
                    + wrong);
          }
        });
    return out;
  }
}
