package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/**
 * A StatefulSet without {@code spec.replicas} counts as 1, the API server's default ({@code
 * SetDefaults_StatefulSet}, kubernetes {@code pkg/apis/apps/v1/defaults.go}); never as 0, which
 * would make every pod droppable.
 */
class StatefulSetReplicasTest {
  @Test
  void anAbsentReplicasFieldIsOne() {
    StatefulSet none = new StatefulSetBuilder().withNewSpec().endSpec().build();
    assertThat(GroupSync.specReplicas(none)).isEqualTo(1);
    assertThat(GroupSync.specReplicas(new StatefulSetBuilder().build())).isEqualTo(1);
  }

  @Test
  void aPresentReplicasFieldIsTakenAsIs() {
    for (int n : new int[] {0, 1, 7}) {
      StatefulSet sts = new StatefulSetBuilder().withNewSpec().withReplicas(n).endSpec().build();
      assertThat(GroupSync.specReplicas(sts)).isEqualTo(n);
    }
  }
}
