package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 7: {@code limit}/{@code continue} paging, a 400 for an unsupported field selector
 * and {@code involvedObject.*} field selectors on core Events ({@code kubectl events --for}).
 */
class ListsInteropTest extends MockServerInterop {

  @BeforeEach
  void setUp() {
    for (String name : new String[] {"e", "c", "a", "d", "b"}) {
      k8s.client()
          .configMaps()
          .inNamespace("default")
          .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  @Test
  void pythonPagesWithLimitAndContinue() throws Exception {
    String script =
        String.join(
            "\n",
            "token = None",
            "while True:",
            "    page = v1.list_namespaced_config_map('default', limit=2, _continue=token)",
            "    out('PAGE', [c.metadata.name for c in page.items])",
            "    token = page.metadata._continue",
            "    if not token:",
            "        break",
            "try:",
            "    v1.list_namespaced_config_map('default', field_selector='data.a=1')",
            "except ApiException as x:",
            "    out('ERR', x.status, json.loads(x.body)['message'])");
    Clients.Result r = Clients.run(Clients.python(kubeconfig, script));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output())
        .containsSubsequence("PAGE ['a', 'b']", "PAGE ['c', 'd']", "PAGE ['e']")
        .contains(
            "ERR 400 \"data.a\" is not a known field selector: only \"metadata.name\","
                + " \"metadata.namespace\"");
  }

  @Test
  void kubectlChunkedListSeesEverything() throws Exception {
    Clients.Result r =
        Clients.run(
            Clients.kubectl(kubeconfig, "get", "configmaps", "--chunk-size=2", "-o", "name"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output())
        .isEqualTo("configmap/a\nconfigmap/b\nconfigmap/c\nconfigmap/d\nconfigmap/e\n");
  }

  @Test
  void kubectlEventsForAStatefulSetUsesInvolvedObjectFieldSelectors() throws Exception {
    for (String target : new String[] {"web", "other"}) {
      k8s.client()
          .v1()
          .events()
          .inNamespace("default")
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName("ev-" + target)
                  .endMetadata()
                  .withReason("Reason" + target)
                  .withMessage("about " + target)
                  .withType("Normal")
                  .withNewInvolvedObject()
                  .withApiVersion("apps/v1")
                  .withKind("StatefulSet")
                  .withName(target)
                  .withNamespace("default")
                  .endInvolvedObject()
                  .build())
          .create();
    }
    Clients.Result r =
        Clients.run(Clients.kubectl(kubeconfig, "events", "--for", "statefulset/web"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("Reasonweb").doesNotContain("Reasonother");
  }
}
