package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiServerBehaviourTest {

  @Test
  void discoveryListsAutoscalingV2ByDefault() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      assertThat(client.getApiGroup("autoscaling").getPreferredVersion().getVersion())
          .isEqualTo("v2");
      assertThat(client.getApiResources("autoscaling/v2").getResources())
          .extracting(APIResource::getName)
          .contains("horizontalpodautoscalers", "horizontalpodautoscalers/status");
      assertThat(client.getApiResources("apps/v1").getResources())
          .extracting(APIResource::getName)
          .contains("statefulsets", "statefulsets/scale", "statefulsets/status");
      assertThat(client.getApiResources("v1").getResources())
          .extracting(APIResource::getName)
          .contains("pods", "events");
      assertThat(client.getApiResources("events.k8s.io/v1").getResources())
          .extracting(APIResource::getName)
          .contains("events");
      assertThat(client.getApiResources("coordination.k8s.io/v1").getResources())
          .extracting(APIResource::getName)
          .contains("leases");
      assertThat(
              client.supports(
                  io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class))
          .isTrue();
      assertThat(client.getKubernetesVersion().getMajor()).isEqualTo("1");
    }
  }

  @Test
  void discoveryCanServeOnlyV2beta2() {
    try (MockKubernetes k8s =
        MockKubernetes.builder()
            .autoscalingVersions("v2beta2", "v1")
            .namespaces("ns")
            .build()
            .start()) {
      KubernetesClient client = k8s.client();
      assertThat(client.getApiGroup("autoscaling").getVersions())
          .extracting(v -> v.getVersion())
          .containsExactly("v2beta2", "v1");
      assertThat(
              client.supports(
                  io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class))
          .isFalse();
      assertThat(
              client.supports(
                  io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler
                      .class))
          .isTrue();
      assertThatThrownBy(
              () -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("ns").list())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(404));
    }
  }

  @Test
  void unknownResourcesAre404() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      assertThatThrownBy(
              () ->
                  k8s.client()
                      .genericKubernetesResources("example.com/v1", "Widget")
                      .inNamespace("ns")
                      .list())
          .isInstanceOf(KubernetesClientException.class);
    }
  }

  @Test
  void namespacesCanBeRequired() {
    try (MockKubernetes k8s = MockKubernetes.builder().requireNamespaces(true).build().start()) {
      KubernetesClient client = k8s.client();
      assertThatThrownBy(
              () ->
                  client
                      .resource(
                          new ConfigMapBuilder()
                              .withNewMetadata()
                              .withName("c")
                              .endMetadata()
                              .build())
                      .inNamespace("missing")
                      .create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("namespaces \"missing\" not found");
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("present").endMetadata().build())
          .create();
      client
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .inNamespace("present")
          .create();

      client.namespaces().withName("present").delete();

      assertThat(client.configMaps().inNamespace("present").withName("c").get()).isNull();
    }
  }

  @Test
  void updatesOfTheMainResourceKeepStatusAndOnlyStatusWritesIt() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      k8s.statefulSets().freeze(true);
      client.resource(Fixtures.statefulSet("s", 2, "Parallel")).inNamespace("ns").create();
      StatefulSet withStatus = client.apps().statefulSets().inNamespace("ns").withName("s").get();
      withStatus.setStatus(
          new StatefulSetStatusBuilder().withReplicas(2).withReadyReplicas(2).build());
      client.resource(withStatus).inNamespace("ns").updateStatus();

      StatefulSet current = client.apps().statefulSets().inNamespace("ns").withName("s").get();
      current.getStatus().setReadyReplicas(0);
      current.getSpec().setReplicas(3);
      StatefulSet updated = client.resource(current).inNamespace("ns").update();

      assertThat(updated.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(updated.getSpec().getReplicas()).isEqualTo(3);
      assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    }
  }

  @Test
  void staleResourceVersionIsAConflict() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      client
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .inNamespace("ns")
          .create();
      var stale = client.configMaps().inNamespace("ns").withName("c").get();
      client
          .configMaps()
          .inNamespace("ns")
          .withName("c")
          .edit(
              c -> {
                c.getMetadata().getLabels().put("x", "1");
                return c;
              });

      assertThatThrownBy(() -> client.resource(stale).inNamespace("ns").update())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));
    }
  }

  @Test
  void statefulSetDefaultsAndImmutableFields() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      StatefulSet noReplicas = Fixtures.statefulSet("d", null, null);
      StatefulSet created = client.resource(noReplicas).inNamespace("ns").create();
      assertThat(created.getSpec().getReplicas()).isEqualTo(1);
      assertThat(created.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
      assertThat(created.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");

      assertThatThrownBy(
              () ->
                  client
                      .apps()
                      .statefulSets()
                      .inNamespace("ns")
                      .withName("d")
                      // a merge patch carries no resourceVersion: edit() would, and the simulator's
                      // status writes could make it stale (409, as on a real server)
                      .patch(
                          io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                              io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                          "{\"spec\":{\"serviceName\":\"other\"}}"))
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
          .hasMessageContaining("spec.serviceName");
    }
  }

  @Test
  void coreAndEventsV1EventsAreOneStoreSeenThroughBothApis() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      client
          .resource(
              new io.fabric8.kubernetes.api.model.EventBuilder()
                  .withNewMetadata()
                  .withName("e1")
                  .endMetadata()
                  .withReason("Scaled")
                  .withMessage("core")
                  .withInvolvedObject(
                      new ObjectReferenceBuilder().withKind("StatefulSet").withName("s").build())
                  .build())
          .inNamespace("ns")
          .create();
      client
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName("e2")
                  .endMetadata()
                  .withReason("Registered")
                  .withNote("events.k8s.io")
                  .withAction("Register")
                  .withReportingController("sr-cn-sdk")
                  .withReportingInstance("x")
                  .withEventTime(
                      new io.fabric8.kubernetes.api.model.MicroTime(Instant.now().toString()))
                  .withRegarding(
                      new ObjectReferenceBuilder().withKind("StatefulSet").withName("s").build())
                  .build())
          .inNamespace("ns")
          .create();

      // one storage (pkg/apis/events/v1/conversion.go): each API shows both, in its own shape
      assertThat(client.v1().events().inNamespace("ns").list().getItems())
          .extracting(
              e -> e.getMetadata().getName(),
              e -> e.getMessage(),
              e -> e.getReportingComponent(),
              e -> e.getInvolvedObject().getName())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("e1", "core", null, "s"),
              org.assertj.core.groups.Tuple.tuple("e2", "events.k8s.io", "sr-cn-sdk", "s"));
      assertThat(client.events().v1().events().inNamespace("ns").list().getItems())
          .extracting(
              e -> e.getMetadata().getName(),
              e -> e.getNote(),
              e -> e.getRegarding().getKind(),
              e -> e.getApiVersion())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("e1", "core", "StatefulSet", "events.k8s.io/v1"),
              org.assertj.core.groups.Tuple.tuple(
                  "e2", "events.k8s.io", "StatefulSet", "events.k8s.io/v1"));
      assertThat(
              client
                  .events()
                  .v1()
                  .events()
                  .inNamespace("ns")
                  .withField("regarding.name", "s")
                  .withField("reason", "Scaled")
                  .list()
                  .getItems())
          .extracting(e -> e.getMetadata().getName())
          .containsExactly("e1");
    }
  }

  @Test
  void requestLogCountsClientRequestsButNotSimulatorTraffic() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      client.resource(Fixtures.statefulSet("s", 2, "Parallel")).inNamespace("ns").serverSideApply();
      client
          .apps()
          .statefulSets()
          .inNamespace("ns")
          .withName("s")
          .waitUntilReady(10, java.util.concurrent.TimeUnit.SECONDS);
      k8s.requests().reset();

      client.apps().statefulSets().inNamespace("ns").withName("s").get();
      client.apps().statefulSets().inNamespace("ns").list();
      client.resource(Fixtures.statefulSet("s", 2, "Parallel")).inNamespace("ns").serverSideApply();

      RequestLog log = k8s.requests();
      assertThat(log.count()).isEqualTo(3);
      assertThat(log.countsByVerb())
          .containsEntry("get", 1L)
          .containsEntry("list", 1L)
          .containsEntry("patch", 1L);
      assertThat(log.count("patch", "statefulsets")).isEqualTo(1);
      assertThat(log.entries()).allSatisfy(e -> assertThat(e.userAgent()).startsWith("fabric8"));
      assertThat(log.entries().get(2).code()).isEqualTo(200);
    }
  }

  @Test
  void injectedFaultsAreServedOnceEachAndNotRetried() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      k8s.failNextRequests(1, 500, "write", "configmaps");

      assertThatThrownBy(
              () ->
                  client
                      .resource(
                          new ConfigMapBuilder()
                              .withNewMetadata()
                              .withName("c")
                              .endMetadata()
                              .build())
                      .inNamespace("ns")
                      .create())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(500))
          .hasMessageContaining("injected fault");
      client
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .inNamespace("ns")
          .create();

      assertThat(k8s.requests().count("create", "configmaps")).isEqualTo(2);
      assertThat(k8s.requests().entries())
          .extracting(RequestLog.Entry::code)
          .containsExactly(500, 201);
    }
  }
}
