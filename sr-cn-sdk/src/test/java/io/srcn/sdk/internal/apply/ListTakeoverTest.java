package io.srcn.sdk.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListTakeoverTest {
  private static Service service(String rv, int... ports) {
    ServiceBuilder b =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("g-cn-search")
            .withResourceVersion(rv)
            .endMetadata()
            .withNewSpec()
            .withClusterIP("None")
            .withSelector(Map.of("app.kubernetes.io/instance", "g"))
            .endSpec();
    for (int p : ports) {
      b.editSpec()
          .addToPorts(new ServicePortBuilder().withName("p" + p).withPort(p).build())
          .endSpec();
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  @Test
  void aListItemAnotherManagerKeepsIsReplacedByAMergePatchHeldToTheAppliedVersion() {
    Service desired = service(null, 9050);
    Service applied = service("42", 9050, 9999);
    applied.getSpec().setSessionAffinity("None"); // a server default: not the SDK's business

    var fields = ListTakeover.fieldsLeft(desired, applied);

    assertThat(fields).containsExactly("ports");
    Map<String, Object> patch =
        new KubernetesSerialization()
            .unmarshal(ListTakeover.patch(desired, applied, fields).orElseThrow(), Map.class);
    assertThat(patch).containsEntry("metadata", Map.of("resourceVersion", "42"));
    assertThat(patch.get("spec"))
        .isEqualTo(Map.of("ports", List.of(Map.of("name", "p9050", "port", 9050))));
  }

  @Test
  void nothingIsLeftWhenTheApplyTookEverythingBack() {
    Service desired = service(null, 9050);
    Service applied = service("43", 9050);
    applied.getSpec().getSelector().put("added-by-hand", "x"); // a map merges: no list to replace

    var fields = ListTakeover.fieldsLeft(desired, applied);

    assertThat(fields).isEmpty();
    assertThat(ListTakeover.patch(desired, applied, fields)).isEmpty();
  }
}
