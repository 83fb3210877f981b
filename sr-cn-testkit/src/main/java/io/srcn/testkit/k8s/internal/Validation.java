package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The API server's validation of what the SDK writes, answered as 422 {@code Invalid} with one
 * {@code details.causes} entry per field, so an invalid object is never stored or simulated: object
 * names (k8s.io/apimachinery pkg/util/validation/validation.go: DNS-1123 label for namespaces,
 * DNS-1035 label for services, DNS-1123 subdomain otherwise), label keys and values, annotation
 * keys, and for StatefulSets (pkg/apis/apps/validation/validation.go in kubernetes/kubernetes)
 * replicas &gt;= 0, a selector matching the template labels, an image for every container and
 * container ports in 1..65535. Messages and causes follow pkg/util/validation/field/errors.go.
 *
 * <p>Stateless and thread-safe.
 */
final class Validation {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
  private static final String DNS1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

  private static final Pattern LABEL_RE = Pattern.compile(LABEL);
  private static final Pattern SUBDOMAIN_RE = Pattern.compile(SUBDOMAIN);
  private static final Pattern DNS1035_RE = Pattern.compile(DNS1035);
  private static final Pattern QUALIFIED_NAME_RE = Pattern.compile(QUALIFIED_NAME);
  private static final Pattern LABEL_VALUE_RE = Pattern.compile(LABEL_VALUE);

  private Validation() {}

  /**
   * Validates a create or full update of the main resource.
   *
   * @throws ApiException 422 naming every invalid field
   */
  static void check(ApiResource r, JsonNode obj) {
    List<ApiException.Cause> causes = new ArrayList<>();
    String name = Json.text(obj, "metadata", "name");
    if (name != null) {
      name(r, name, causes);
    }
    JsonNode meta = obj.path("metadata");
    for (Map.Entry<String, JsonNode> e : meta.path("labels").properties()) {
      qualifiedName("metadata.labels", e.getKey(), causes);
      String value = e.getValue().asString();
      if (value.length() > 63) {
        causes.add(invalid("metadata.labels", value, "must be no more than 63 characters"));
      } else if (!LABEL_VALUE_RE.matcher(value).matches()) {
        causes.add(
            invalid(
                "metadata.labels",
                value,
                regexError(
                    "a valid label must be an empty string or consist of alphanumeric characters,"
                        + " '-', '_' or '.', and must start and end with an alphanumeric character",
                    LABEL_VALUE,
                    "MyValue",
                    "my_value",
                    "12345")));
      }
    }
    for (Map.Entry<String, JsonNode> e : meta.path("annotations").properties()) {
      qualifiedName("metadata.annotations", e.getKey(), causes);
    }
    if (r.kind().equals("StatefulSet") && r.group().equals("apps")) {
      statefulSet(obj.path("spec"), causes);
    }
    if (!causes.isEmpty()) {
      throw ApiException.invalid(r, name == null ? "" : name, causes);
    }
  }

  private static void name(ApiResource r, String name, List<ApiException.Cause> causes) {
    if (r.kind().equals("Namespace") && r.group().isEmpty()) {
      dns(name, 63, LABEL_RE, LABEL_MSG, causes, "my-name", "123-abc");
    } else if (r.kind().equals("Service") && r.group().isEmpty()) {
      dns(name, 63, DNS1035_RE, DNS1035_MSG, causes, "my-name", "abc-123");
    } else {
      dns(name, 253, SUBDOMAIN_RE, SUBDOMAIN_MSG, causes, "example.com");
    }
  }

  private static final String LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1035_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final String SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";

  private static void dns(
      String name,
      int max,
      Pattern regex,
      String msg,
      List<ApiException.Cause> causes,
      String... examples) {
    if (name.length() > max) {
      causes.add(invalid("metadata.name", name, "must be no more than " + max + " characters"));
    }
    if (!regex.matcher(name).matches()) {
      causes.add(invalid("metadata.name", name, regexError(msg, regex.pattern(), examples)));
    }
  }

  private static void qualifiedName(String field, String key, List<ApiException.Cause> causes) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String namepart = slash < 0 ? key : key.substring(slash + 1);
    if (prefix != null && (prefix.isEmpty() || !SUBDOMAIN_RE.matcher(prefix).matches())) {
      causes.add(
          invalid(
              field, key, "prefix part " + regexError(SUBDOMAIN_MSG, SUBDOMAIN, "example.com")));
    }
    if (namepart.isEmpty() || namepart.length() > 63) {
      causes.add(
          invalid(
              field,
              key,
              namepart.isEmpty()
                  ? "name part must be non-empty"
                  : "name part must be no more than 63 characters"));
    } else if (!QUALIFIED_NAME_RE.matcher(namepart).matches()) {
      causes.add(
          invalid(
              field,
              key,
              "name part "
                  + regexError(
                      "must consist of alphanumeric characters, '-', '_' or '.', and must start"
                          + " and end with an alphanumeric character",
                      QUALIFIED_NAME,
                      "MyName",
                      "my.name",
                      "123-abc")));
    }
  }

  private static void statefulSet(JsonNode spec, List<ApiException.Cause> causes) {
    JsonNode replicas = spec.path("replicas");
    if (replicas.isNumber() && replicas.asLong() < 0) {
      causes.add(
          new ApiException.Cause(
              "FieldValueInvalid",
              "spec.replicas",
              "Invalid value: " + replicas.asLong() + ": must be greater than or equal to 0"));
    }
    JsonNode selector = spec.path("selector");
    JsonNode templateLabels = spec.path("template").path("metadata").path("labels");
    if (selector.isMissingNode() || selector.isNull()) {
      causes.add(new ApiException.Cause("FieldValueRequired", "spec.selector", "Required value"));
    } else if (Selectors.toString(selector).isEmpty()) {
      causes.add(
          new ApiException.Cause(
              "FieldValueInvalid",
              "spec.selector",
              "Invalid value: "
                  + Json.write(selector)
                  + ": empty selector is invalid for statefulset"));
    } else if (!Selector.labels(Selectors.toString(selector))
        .matches(k -> Json.text(templateLabels, k))) {
      causes.add(
          new ApiException.Cause(
              "FieldValueInvalid",
              "spec.template.metadata.labels",
              "Invalid value: "
                  + (templateLabels.isObject() ? Json.write(templateLabels) : "null")
                  + ": `selector` does not match template `labels`"));
    }
    int i = 0;
    for (JsonNode c : spec.path("template").path("spec").path("containers")) {
      String at = "spec.template.spec.containers[" + i++ + "]";
      String image = Json.text(c, "image");
      if (image == null || image.isBlank()) {
        causes.add(new ApiException.Cause("FieldValueRequired", at + ".image", "Required value"));
      }
      int p = 0;
      for (JsonNode port : c.path("ports")) {
        long n = port.path("containerPort").asLong();
        if (n < 1 || n > 65535) {
          causes.add(
              new ApiException.Cause(
                  "FieldValueInvalid",
                  at + ".ports[" + p + "].containerPort",
                  "Invalid value: " + n + ": must be between 1 and 65535, inclusive"));
        }
        p++;
      }
    }
  }

  private static ApiException.Cause invalid(String field, String value, String detail) {
    return new ApiException.Cause(
        "FieldValueInvalid", field, "Invalid value: " + Json.write((Object) value) + ": " + detail);
  }

  /** RegexError in pkg/util/validation/validation.go. */
  private static String regexError(String msg, String regex, String... examples) {
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      sb.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(regex).append("')").toString();
  }
}
