package io.srcn.testkit.k8s.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field selectors the API server supports per kind: {@code metadata.name} and {@code
 * metadata.namespace} everywhere, plus the fields registered by the field label conversion
 * functions of core/v1 (kubernetes pkg/apis/core/v1/conversion.go) for the kinds the SDK reads.
 *
 * <p>Stateless and thread-safe.
 */
final class FieldLabels {
  private static final Set<String> META = Set.of("metadata.name", "metadata.namespace");

  private static final Map<String, Set<String>> CORE =
      Map.of(
          "Pod",
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.podIPs",
              "status.nominatedNodeName"),
          "Event",
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"),
          "Secret",
          Set.of("type"),
          "Namespace",
          Set.of("status.phase"));

  private FieldLabels() {}

  /** 400 for a field selector key the kind does not support. */
  static void check(ApiResource r, List<String> keys) {
    Set<String> kindFields = r.group().isEmpty() ? CORE.get(r.kind()) : null;
    for (String key : keys) {
      if (META.contains(key) || (kindFields != null && kindFields.contains(key))) {
        continue;
      }
      if (kindFields != null) {
        throw ApiException.badRequest("field label not supported: " + key);
      }
      throw ApiException.badRequest(
          "\""
              + key
              + "\" is not a known field selector: only \"metadata.name\","
              + " \"metadata.namespace\"");
    }
  }
}
