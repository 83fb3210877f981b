package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.MockKubernetes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 3, unknown fields: dropped, with a Warning header under {@code
 * fieldValidation=Warn} (the default), a 400 under {@code Strict} (what {@code kubectl create}
 * sends).
 */
class FieldValidationInteropTest {
  @TempDir Path dir;

  @Test
  void kubectlCreateIsStrictAboutUnknownFields() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      Path kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      Path file = dir.resolve("cm.yaml");
      Files.writeString(
          file,
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: '1'\nfoo: bar\n");
      Clients.Result r = Clients.run(Clients.kubectl(kubeconfig, "create", "-f", file.toString()));
      assertThat(r.exit()).isNotZero();
      assertThat(r.output())
          .contains(
              "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error:"
                  + " unknown field \"foo\"");
      assertThat(k8s.client().configMaps().inNamespace("default").withName("c").get()).isNull();
    }
  }

  @Test
  void byDefaultUnknownFieldsAreDroppedWithAWarning() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(k8s.url() + "/api/v1/namespaces/default/configmaps"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
                                  + "\"c\",\"labelz\":{}},\"data\":{\"a\":\"1\"},\"foo\":1}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().allValues("Warning"))
          .containsExactlyInAnyOrder(
              "299 - \"unknown field \\\"foo\\\"\"",
              "299 - \"unknown field \\\"metadata.labelz\\\"\"");
      assertThat(response.body()).doesNotContain("foo").doesNotContain("labelz");
      assertThat(
              k8s.client()
                  .configMaps()
                  .inNamespace("default")
                  .withName("c")
                  .get()
                  .getAdditionalProperties())
          .isEmpty();
    }
  }
}
