package io.srcn.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionReason;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.junit.CnTestkit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 bug 5: a Secret that is read fine but whose password the FE refuses is not "credentials
 * unresolvable"; a missing Secret still is.
 */
@CnTestkit(namespaces = "tenants")
class RefusedLoginStatusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String STALE_PASSWORD = "stale-pw-7d2e-never-print-me";

  private static ComputeNodeGroupSpec tenant(String name, Frontend fe, String secret) {
    return ComputeNodeGroups.create(name)
        .inNamespace("tenants")
        .image("starrocks/cn-ubuntu:3.3.5")
        .terminationGracePeriod(Duration.ofSeconds(1))
        .registerWith(fe.credentials(Credentials.fromSecret(secret)));
  }

  private static void secret(KubernetesClient client, String name, String user, String password) {
    client
        .secrets()
        .inNamespace("tenants")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(Map.of("FE_USR", user, "FE_PWD", password))
                .build())
        .create();
  }

  @Test
  void aPasswordTheFeRefusesIsFrontendAuthFailedNamingTheUserAndTheSecret(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    fe.addUser("tenant_a", "the-real-password", true);
    secret(client, "fe-login", "tenant_a", STALE_PASSWORD);
    try (ComputeNodeGroup group = tenant("acme", frontend, "fe-login").deploy(client)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                GroupStatus s = group.reconcile();
                assertThat(s.degradedReason()).contains(ConditionReason.FRONTEND_AUTH_FAILED);
              });
      GroupStatus s = group.reconcile();
      Condition degraded = s.condition(Condition.DEGRADED).orElseThrow();
      assertThat(degraded.reason()).isEqualTo("FrontendAuthFailed");
      assertThat(degraded.message())
          .contains("tenant_a")
          .contains("Secret fe-login")
          .contains("FE_PWD")
          .doesNotContain("cannot resolve")
          .doesNotContain(STALE_PASSWORD)
          .doesNotContain("the-real-password");
      Condition ready = s.condition(Condition.READY).orElseThrow();
      assertThat(ready.status()).isEqualTo(ConditionStatus.UNKNOWN);
      assertThat(ready.reason()).isEqualTo("FrontendAuthFailed");
      assertThat(s.toJson()).doesNotContain(STALE_PASSWORD);
    }
  }

  @Test
  void aMissingSecretIsStillCredentialsUnresolvable(KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = tenant("beta", frontend, "no-such-secret").deploy(client)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(group.reconcile().degradedReason())
                      .contains(ConditionReason.CREDENTIALS_UNRESOLVABLE));
    }
  }
}
