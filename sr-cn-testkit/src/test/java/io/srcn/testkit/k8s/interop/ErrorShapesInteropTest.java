package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 6: error shapes as a v1.32 API server returns them, seen by the Python client and
 * kubectl (checked in k8s.io/apiserver pkg/registry/generic/registry/store.go,
 * pkg/endpoints/handlers/patch.go and k8s.io/apimachinery pkg/api/validation/objectmeta.go).
 */
class ErrorShapesInteropTest extends MockServerInterop {
  private static final String ERR =
      String.join(
          "\n",
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
  void staleResourceVersionIs409ConflictWithTheRealMessage() throws Exception {
    String out =
        python(
            String.join(
                "\n",
                "cm = v1.create_namespaced_config_map('default',"
                    + " client.V1ConfigMap(metadata=client.V1ObjectMeta(name='x')))",
                "v1.patch_namespaced_config_map('x', 'default', {'data': {'a': '1'}})",
                "err(lambda: v1.replace_namespaced_config_map('x', 'default', cm))"));
    assertThat(out)
        .contains(
            "ERR 409 Conflict Operation cannot be fulfilled on configmaps \"x\": the object has"
                + " been modified; please apply your changes to the latest version and try again");
  }

  @Test
  void jsonPatchRemovingAMissingPathIs422() throws Exception {
    String out =
        python(
            String.join(
                "\n",
                "v1.create_namespaced_config_map('default',"
                    + " client.V1ConfigMap(metadata=client.V1ObjectMeta(name='x')))",
                "err(lambda: v1.patch_namespaced_config_map('x', 'default',"
                    + " [{'op': 'remove', 'path': '/data/missing'}]))"));
    assertThat(out)
        .contains("ERR 422 Invalid the server rejected our request due to an error in our request")
        .contains("CAUSE UnexpectedServerResponse None");
  }

  @Test
  void finalizersOnADeletingObject() throws Exception {
    String out =
        python(
            String.join(
                "\n",
                "v1.create_namespaced_config_map('default', client.V1ConfigMap(metadata="
                    + "client.V1ObjectMeta(name='x', finalizers=['example.com/a'])))",
                "v1.delete_namespaced_config_map('x', 'default')",
                "err(lambda: v1.patch_namespaced_config_map('x', 'default',"
                    + " {'metadata': {'finalizers': ['example.com/a', 'example.com/b']}}))",
                "o = v1.patch_namespaced_config_map('x', 'default',"
                    + " [{'op': 'remove', 'path': '/metadata/finalizers'}])",
                "out('LAST', o.metadata.name, o.metadata.deletion_timestamp is not None)",
                "err(lambda: v1.read_namespaced_config_map('x', 'default'))"));
    assertThat(out)
        .contains(
            "ERR 422 Invalid ConfigMap \"x\" is invalid: metadata.finalizers: Forbidden: no new"
                + " finalizers can be added if the object is being deleted, found new finalizers"
                + " []string{\"example.com/b\"}")
        .contains("CAUSE FieldValueForbidden metadata.finalizers")
        .contains("LAST x True")
        .contains("ERR 404 NotFound configmaps \"x\" not found");
  }

  @Test
  void kubectlRemovingTheLastFinalizerPrintsThePatchedObject() throws Exception {
    k8s.client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("y")
                .addToFinalizers("example.com/a")
                .endMetadata()
                .build())
        .create();
    k8s.client().configMaps().inNamespace("default").withName("y").delete();
    Clients.Result r =
        Clients.run(
            Clients.kubectl(
                kubeconfig,
                "patch",
                "configmap",
                "y",
                "--type=merge",
                "-p",
                "{\"metadata\":{\"finalizers\":null}}"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("configmap/y patched");
  }
}
