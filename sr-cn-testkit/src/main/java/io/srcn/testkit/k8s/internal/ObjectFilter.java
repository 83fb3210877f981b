package io.srcn.testkit.k8s.internal;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The label and field selectors of a list, watch or delete-collection request.
 *
 * <p>Immutable and thread-safe.
 */
public final class ObjectFilter {
  private final Selector labels;
  private final Selector fields;

  private ObjectFilter(Selector labels, Selector fields) {
    this.labels = labels;
    this.fields = fields;
  }

  /** The selectors of a request; malformed selectors are a 400. */
  public static ObjectFilter of(ApiRequest req) {
    return new ObjectFilter(
        Selector.labels(req.query().get("labelSelector")),
        Selector.fields(req.query().get("fieldSelector")));
  }

  /**
   * The selectors of a request on a resource: a field the API server does not index for that kind
   * is a 400, as the field label conversion functions answer (k8s.io/apimachinery
   * pkg/runtime/conversion.go DefaultMetaV1FieldSelectorConversion; kubernetes
   * pkg/apis/core/v1/conversion.go for pods, events, secrets and namespaces).
   */
  public static ObjectFilter of(ApiRequest req, ApiResource r) {
    ObjectFilter f = of(req);
    FieldLabels.check(r, f.fields.keys());
    return f;
  }

  /** A filter from a label selector string. */
  public static ObjectFilter labels(String labelSelector) {
    return new ObjectFilter(Selector.labels(labelSelector), Selector.everything());
  }

  /**
   * A {@code label=value} every match must carry (the first equality, or {@code in} with one value,
   * of the label selector), for the store's label index; null when there is none.
   */
  public java.util.Map.Entry<String, String> requiredLabel() {
    return labels.requiredPair();
  }

  /** Whether a stored object matches (labels come from the store index, fields parse on demand). */
  public boolean test(StoredObject o) {
    if (!labels.matches(o::label)) {
      return false;
    }
    if (fields.isEverything()) {
      return true;
    }
    JsonNode[] tree = new JsonNode[1];
    return fields.matches(
        path -> {
          if (path.equals("metadata.name")) {
            return o.name();
          }
          if (path.equals("metadata.namespace")) {
            return o.namespace();
          }
          if (tree[0] == null) {
            tree[0] = o.tree();
          }
          return Json.text(tree[0], path.split("\\."));
        });
  }

  /** Whether an object tree matches. */
  public boolean test(JsonNode o) {
    Function<String, String> label = k -> Json.text(o.path("metadata").path("labels"), k);
    return labels.matches(label) && fields.matches(path -> Json.text(o, path.split("\\.")));
  }
}
