package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 3: 422 {@code Invalid} with {@code details.causes} naming each field, and an
 * invalid object is never stored (messages from k8s.io/apimachinery pkg/util/validation and
 * kubernetes pkg/apis/apps/validation).
 */
class ValidationInteropTest extends MockServerInterop {
  private static final String ERR =
      String.join(
          "\n",
          "apps = client.AppsV1Api(api)",
          "def err(f):",
          "    try:",
          "        f()",
          "        out('OK')",
          "    except ApiException as x:",
          "        b = json.loads(x.body)",
          "        out('ERR', x.status, b.get('reason'), b.get('message'))",
          "        for c in (b.get('details') or {}).get('causes') or []:",
          "            out('CAUSE', c.get('reason'), c.get('field'), c.get('message'))",
          "");

  private String python(String script) throws Exception {
    Clients.Result r = Clients.run(Clients.python(kubeconfig, ERR + script));
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output();
  }

  @Test
  void invalidNamesAndLabelsAre422NamingTheField() throws Exception {
    String out =
        python(
            String.join(
                "\n",
                "err(lambda: v1.create_namespaced_config_map('default', {'metadata': {'name':"
                    + " 'Bad_Name'}}))",
                "err(lambda: v1.create_namespaced_config_map('default', {'metadata': {'name':"
                    + " 'ok', 'labels': {'app': 'bad value!'}}}))",
                "err(lambda: v1.read_namespaced_config_map('ok', 'default'))"));
    assertThat(out)
        .contains(
            "ERR 422 Invalid ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value:"
                + " \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case"
                + " alphanumeric characters, '-' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
        .contains("CAUSE FieldValueInvalid metadata.name Invalid value: \"Bad_Name\"")
        .contains("CAUSE FieldValueInvalid metadata.labels Invalid value: \"bad value!\"")
        .contains("ERR 404 NotFound configmaps \"ok\" not found");
  }

  @Test
  void anInvalidStatefulSetListsEveryCauseAndIsNeverStoredOrSimulated() throws Exception {
    String out =
        python(
            String.join(
                "\n",
                "sts = {'metadata': {'name': 'web'}, 'spec': {'replicas': -1, 'serviceName':"
                    + " 'web', 'selector': {'matchLabels': {'app': 'web'}}, 'template':"
                    + " {'metadata': {'labels': {'app': 'other'}}, 'spec': {'containers':"
                    + " [{'name': 'cn', 'ports': [{'containerPort': 70000}]}]}}}}",
                "err(lambda: apps.create_namespaced_stateful_set('default', sts))",
                "out('PODS', len(v1.list_namespaced_pod('default').items))",
                "err(lambda: apps.read_namespaced_stateful_set('web', 'default'))"));
    assertThat(out)
        .contains("ERR 422 Invalid StatefulSet.apps \"web\" is invalid: [spec.replicas:")
        .contains(
            "CAUSE FieldValueInvalid spec.replicas Invalid value: -1: must be greater than or"
                + " equal to 0")
        .contains(
            "CAUSE FieldValueInvalid spec.template.metadata.labels Invalid value:"
                + " {\"app\":\"other\"}: `selector` does not match template `labels`")
        .contains("CAUSE FieldValueRequired spec.template.spec.containers[0].image Required value")
        .contains(
            "CAUSE FieldValueInvalid spec.template.spec.containers[0].ports[0].containerPort"
                + " Invalid value: 70000: must be between 1 and 65535, inclusive")
        .contains("PODS 0")
        .contains("ERR 404 NotFound statefulsets.apps \"web\" not found");
  }

  @Test
  void kubectlShowsTheServersValidationError() throws Exception {
    Clients.Result r = Clients.run(Clients.kubectl(kubeconfig, "create", "namespace", "Team_A"));
    assertThat(r.exit()).isNotZero();
    assertThat(r.output())
        .contains(
            "The Namespace \"Team_A\" is invalid: metadata.name: Invalid value: \"Team_A\": a"
                + " lowercase RFC 1123 label must consist of lower case alphanumeric characters"
                + " or '-'");
  }
}
