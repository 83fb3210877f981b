package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.naming.Labels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fence's narrow read of a StatefulSet says what a whole fabric8 StatefulSet says (the oracle:
 * {@link Suspension#isSuspended} and {@link GroupSync#specReplicas}, what the fence decided on
 * before), whatever else the object holds: other {@code replicas} fields (status, a template
 * annotation), managed fields, other annotations, fields in any order.
 */
class FenceReadTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void readsTheMarkAndSpecReplicasAsAWholeStatefulSetDoes() {
    Random random = new Random(19);
    for (int i = 0; i < 2000; i++) {
      StatefulSet sts = randomStatefulSet(random);
      String json = JSON.asJson(sts);
      StatefulSet whole = JSON.unmarshal(json, StatefulSet.class);
      FenceRead.Facts facts = FenceRead.parse(json);
      assertThat(facts.suspended()).as(json).isEqualTo(Suspension.isSuspended(Optional.of(whole)));
      assertThat(facts.replicas()).as(json).isEqualTo(GroupSync.specReplicas(whole));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"metadata\":{\"name\":\"a\"}}",
        "{\"metadata\":{\"name\":\"a\",\"annotations\":null},\"spec\":null}",
        "{\"metadata\":{},\"status\":{\"replicas\":7},\"spec\":{\"replicas\":null}}",
        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"srcn.io/suspended\":\"true\"}},"
            + "\"spec\":{}},\"replicas\":2},\"kind\":\"StatefulSet\",\"metadata\":{}}",
        "{\"metadata\":{\"labels\":{\"srcn.io/suspended\":\"true\"},"
            + "\"annotations\":{\"srcn.io/suspended\":\"false\"}}}",
        "{\"metadata\":{\"ownerReferences\":[{\"kind\":\"X\",\"name\":\"srcn.io/suspended\"}],"
            + "\"annotations\":{\"srcn.io/suspended\":\"true\"}},\"spec\":{\"replicas\":0}}",
        "{\"metadata\":{\"managedFields\":[{\"fieldsV1\":{\"f:metadata\":{\"f:annotations\":"
            + "{\"f:srcn.io/suspended\":{}}}}}]},\"spec\":{\"replicas\":3}}"
      })
  void oddShapesReadAsAWholeStatefulSetReadsThem(String json) {
    StatefulSet whole = JSON.unmarshal(json, StatefulSet.class);
    FenceRead.Facts facts = FenceRead.parse(json);
    assertThat(facts.suspended()).isEqualTo(Suspension.isSuspended(Optional.of(whole)));
    assertThat(facts.replicas()).isEqualTo(GroupSync.specReplicas(whole));
  }

  private static StatefulSet randomStatefulSet(Random random) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      annotations.put("srcn.io/spec", "{\"replicas\":" + random.nextInt(9) + ",\"x\":[1,{}]}");
    }
    int mark = random.nextInt(4);
    if (mark > 0) {
      annotations.put(
          Labels.SUSPENDED_ANNOTATION, mark == 1 ? "true" : mark == 2 ? "false" : "True");
    }
    if (random.nextBoolean()) {
      annotations.put(Labels.SUSPENDED_REPLICAS_ANNOTATION, String.valueOf(random.nextInt(5)));
    }
    StatefulSetBuilder b =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("g-cn")
            .withNamespace("ns")
            .withAnnotations(annotations.isEmpty() && random.nextBoolean() ? null : annotations)
            .withLabels(Map.of(Labels.SUSPENDED_ANNOTATION, "true"))
            .withManagedFields(
                new ManagedFieldsEntryBuilder()
                    .withManager("sr-cn-sdk")
                    .withOperation("Apply")
                    .withNewFieldsV1()
                    .addToAdditionalProperties("f:spec", Map.of("f:replicas", Map.of()))
                    .endFieldsV1()
                    .build())
            .endMetadata();
    if (random.nextInt(5) > 0) {
      b =
          b.withNewSpec()
              .withReplicas(random.nextInt(4) == 0 ? null : random.nextInt(6))
              .withServiceName("g-cn-search")
              .withNewTemplate()
              .withNewMetadata()
              .withAnnotations(Map.of("replicas", "8", Labels.SUSPENDED_ANNOTATION, "true"))
              .endMetadata()
              .endTemplate()
              .endSpec();
    }
    return b.withNewStatus().withReplicas(random.nextInt(7)).endStatus().build();
  }
}
