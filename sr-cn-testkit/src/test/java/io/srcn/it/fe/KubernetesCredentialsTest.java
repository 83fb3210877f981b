package io.srcn.it.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CredentialsResolver.kubernetes against fabric8's CRUD mock API server and the fake FE. */
class KubernetesCredentialsTest {
  private static final String NS = "starrocks";
  private static final String PASSWORD = "pw-" + System.identityHashCode(new Object()) + "-x";

  private final KubernetesMockServer server = startServer();
  private final NamespacedKubernetesClient kube = server.createClient();
  private final CredentialsResolver resolver = CredentialsResolver.kubernetes(kube);

  private static KubernetesMockServer startServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer s =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    s.init(InetAddress.getLoopbackAddress(), 0);
    return s;
  }

  @AfterEach
  void tearDown() {
    kube.close();
    server.destroy();
  }

  private void secret(String name, Map<String, String> plain) {
    Map<String, String> data = new HashMap<>();
    plain.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret s =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .endMetadata()
            .withData(data)
            .build();
    kube.secrets().inNamespace(NS).resource(s).create();
  }

  @Test
  void logsInWithCredentialsFromASecret() {
    secret("fe-account", Map.of("FE_USR", "cn_admin", "FE_PWD", PASSWORD));
    try (FakeFrontend fe =
            FakeFrontend.builder()
                .user("cn_admin", PASSWORD, true)
                .heartbeatInterval(Duration.ofHours(1))
                .build()
                .start();
        FrontendClient client =
            FrontendClient.builder(fe.frontend().credentials(Credentials.fromSecret("fe-account")))
                .credentialsResolver(resolver, NS)
                .build()) {
      HostPort cn = HostPort.of("10.0.0.1", 9050);

      assertThat(client.add(List.of(cn)).added()).containsExactly(cn);
      assertThat(fe.statements()).anySatisfy(s -> assertThat(s.user()).isEqualTo("cn_admin"));
    }
  }

  @Test
  void resolvesCustomKeysAndPassesLiteralCredentialsThrough() {
    secret("custom", Map.of("u", "alice", "p", PASSWORD));

    Credentials resolved =
        resolver.resolve(Credentials.fromSecret("custom").withKeys("u", "p"), NS);

    assertThat(resolved.literalUser()).contains("alice");
    assertThat(resolved.literalPassword()).contains(PASSWORD);
    Credentials literal = Credentials.of("bob", "x");
    assertThat(resolver.resolve(literal, NS)).isSameAs(literal);
  }

  @Test
  void aMissingSecretIsNamed() {
    assertThatThrownBy(() -> resolver.resolve(Credentials.fromSecret("nope"), NS))
        .isInstanceOf(CnSdkException.class)
        .hasMessage("Secret starrocks/nope holding the FE credentials does not exist");
  }

  @Test
  void aMissingKeyIsNamedAndNoValueIsShown() {
    secret("half", Map.of("FE_USR", "cn_admin", "OTHER", PASSWORD));

    assertThatThrownBy(() -> resolver.resolve(Credentials.fromSecret("half"), NS))
        .isInstanceOf(CnSdkException.class)
        .hasMessage("Secret starrocks/half has no key 'FE_PWD' (the FE password)")
        .hasMessageNotContaining(PASSWORD)
        .hasMessageNotContaining("cn_admin");
  }

  @Test
  void anEmptyUserIsRejected() {
    secret("empty", Map.of("FE_USR", "", "FE_PWD", PASSWORD));

    assertThatThrownBy(() -> resolver.resolve(Credentials.fromSecret("empty"), NS))
        .isInstanceOf(CnSdkException.class)
        .hasMessageContaining("key 'FE_USR' (the FE user) of Secret starrocks/empty is empty");
  }

  @Test
  void readsSecretsWrittenWithStringData() {
    Secret s =
        new SecretBuilder()
            .withNewMetadata()
            .withName("plain")
            .withNamespace(NS)
            .endMetadata()
            .withStringData(Map.of("FE_USR", "cn_admin", "FE_PWD", PASSWORD))
            .build();
    kube.secrets().inNamespace(NS).resource(s).create();

    Credentials resolved = resolver.resolve(Credentials.fromSecret("plain"), NS);

    assertThat(resolved.literalUser()).contains("cn_admin");
    assertThat(resolved.literalPassword()).contains(PASSWORD);
  }

  @Test
  void aForbiddenReadNamesTheSecretAndHowToFixIt() {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/starrocks/secrets/locked")
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"forbidden\"}")
        .once();

    assertThatThrownBy(() -> resolver.resolve(Credentials.fromSecret("locked"), NS))
        .isInstanceOfSatisfying(
            KubernetesOperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.name()).isEqualTo("locked");
              assertThat(e.hint())
                  .hasValueSatisfying(h -> assertThat(h).contains("'get' on secrets"));
            });
  }
}
