package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code authorization.k8s.io/v1} {@code selfsubjectaccessreviews} as the API server serves them
 * ({@code pkg/registry/authorization/selfsubjectaccessreview/rest.go}, {@code
 * staging/src/k8s.io/api/authorization/v1/types.go}): create only, status.allowed, allowed by
 * default, denied for the pairs a test names.
 */
class SelfSubjectAccessReviewTest {
  private static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
  private final MockKubernetes k8s = MockKubernetes.create().start();
  private final KubernetesClient client = k8s.client();

  @AfterEach
  void stop() {
    k8s.stop();
  }

  private boolean allowed(String verb, String group, String resource, String sub) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withNamespace("ns")
            .withVerb(verb)
            .withGroup(group)
            .withResource(resource)
            .withSubresource(sub)
            .endResourceAttributes()
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    assertThat(answer.getSpec().getResourceAttributes().getVerb()).isEqualTo(verb);
    return answer.getStatus().getAllowed();
  }

  private HttpResponse<String> http(String method, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(k8s.url() + PATH))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everythingIsAllowedUntilATestDeniesIt() {
    assertThat(allowed("create", "apps", "statefulsets", null)).isTrue();
    assertThat(allowed("patch", "apps", "statefulsets", "scale")).isTrue();

    k8s.denyAccess("patch", "apps", "statefulsets/scale");
    k8s.denyAccess("*", "", "secrets");
    k8s.denyAccess("delete", "policy", "*");

    assertThat(allowed("patch", "apps", "statefulsets", "scale")).isFalse();
    assertThat(allowed("patch", "apps", "statefulsets", null)).isTrue();
    assertThat(allowed("get", "", "secrets", null)).isFalse();
    assertThat(allowed("get", "apps", "secrets", null)).as("another group").isTrue();
    assertThat(allowed("delete", "policy", "poddisruptionbudgets", null)).isFalse();

    k8s.allowAllAccess();
    assertThat(allowed("get", "", "secrets", null)).isTrue();
    assertThat(k8s.requests().count("create", "selfsubjectaccessreviews")).isEqualTo(8);
  }

  @Test
  void theAnswerIsTheReviewWithItsStatusAndNothingIsStored() throws Exception {
    HttpResponse<String> r =
        http(
            "POST",
            "{\"spec\":{\"nonResourceAttributes\":{\"path\":\"/healthz\",\"verb\":\"get\"}}}");

    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body())
        .contains("\"apiVersion\":\"authorization.k8s.io/v1\"")
        .contains("\"kind\":\"SelfSubjectAccessReview\"")
        .contains("\"nonResourceAttributes\":{\"path\":\"/healthz\",\"verb\":\"get\"}")
        .contains("\"status\":{\"allowed\":true}");
    assertThat(http("GET", null).statusCode()).isEqualTo(405);
  }

  @Test
  void aSpecNeedsExactlyOneKindOfAttributes() throws Exception {
    HttpResponse<String> none = http("POST", "{\"spec\":{}}");
    assertThat(none.statusCode()).isEqualTo(422);
    assertThat(none.body())
        .contains(
            "SelfSubjectAccessReview.authorization.k8s.io \\\"\\\" is invalid:"
                + " spec.resourceAttributes: Invalid value: \\\"null\\\": exactly one of"
                + " nonResourceAttributes or resourceAttributes must be specified");

    assertThatThrownBy(
            () ->
                client
                    .authorization()
                    .v1()
                    .selfSubjectAccessReview()
                    .create(
                        new SelfSubjectAccessReviewBuilder()
                            .withNewSpec()
                            .withNewResourceAttributes()
                            .withVerb("get")
                            .endResourceAttributes()
                            .withNewNonResourceAttributes()
                            .withPath("/x")
                            .withVerb("get")
                            .endNonResourceAttributes()
                            .endSpec()
                            .build()))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "spec.nonResourceAttributes: Invalid value: {\"path\":\"/x\",\"verb\":\"get\"}:"
                + " cannot be specified in combination with resourceAttributes");
  }
}
