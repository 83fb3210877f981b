package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.internal.apply.KubeErrors;
import io.srcn.sdk.internal.apply.ResourceRef;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What the {@link AddFence} reads of a group's StatefulSet on the API server: whether it exists,
 * whether it carries the suspended mark, and its {@code spec.replicas}. The request is the same
 * live GET as {@link DirectClusterView#statefulSet} (never a cache); only the answer is read more
 * narrowly: a streaming parser keeps {@code metadata.annotations["srcn.io/suspended"]} and {@code
 * spec.replicas} and skips everything else (the managed fields, the recorded spec, the pod
 * template, the status) instead of binding the whole StatefulSet. At 10,000 groups the fence's two
 * reads per ADD were two thirds of the controller's requests (issue 19).
 *
 * <p>Stateless and thread-safe.
 */
final class FenceRead {
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> GET = List.of("get");

  /** The StatefulSet's facts the fence decides on. */
  record Facts(boolean suspended, int replicas) {}

  private FenceRead() {}

  /**
   * Reads the group's StatefulSet from the API server now; empty when it does not exist.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read
   */
  static Optional<Facts> read(KubernetesClient client, String namespace, String group) {
    String name = Names.statefulSet(group);
    return KubeErrors.call(
        "get",
        new ResourceRef("StatefulSet", "apps", "statefulsets", namespace, name),
        GET,
        () -> {
          String json;
          try {
            json = client.raw("/apis/apps/v1/namespaces/" + namespace + "/statefulsets/" + name);
          } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
              return Optional.empty();
            }
            throw e;
          }
          return json == null ? Optional.empty() : Optional.of(parse(json));
        });
  }

  /**
   * The facts of a StatefulSet's JSON: suspended when {@code metadata.annotations} maps {@value
   * Labels#SUSPENDED_ANNOTATION} to {@code "true"} ({@link Labels#isSuspended}); replicas 1 when
   * {@code spec.replicas} is absent or null, the API server's default ({@code
   * SetDefaults_StatefulSet}, kubernetes {@code pkg/apis/apps/v1/defaults.go}), as {@link
   * GroupSync#specReplicas}.
   *
   * @throws KubernetesClientException when the JSON is not an object
   */
  static Facts parse(String json) {
    boolean suspended = false;
    int replicas = 1;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new KubernetesClientException("a StatefulSet's JSON is not an object");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
          suspended = suspended(p);
        } else if (field.equals("spec") && value == JsonToken.START_OBJECT) {
          replicas = replicas(p);
        } else {
          p.skipChildren();
        }
      }
    }
    return new Facts(suspended, replicas);
  }

  /** Reads the metadata object (the parser on its start): the mark. */
  private static boolean suspended(JsonParser p) {
    boolean suspended = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("annotations") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if (key.equals(Labels.SUSPENDED_ANNOTATION)) {
            suspended = // the rule is Labels.isSuspended's, applied to the one annotation read
                v == JsonToken.VALUE_STRING
                    && Labels.isSuspended(java.util.Map.of(key, p.getString()));
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return suspended;
  }

  /** Reads the spec object (the parser on its start): {@code replicas}, 1 when absent or null. */
  private static int replicas(JsonParser p) {
    int replicas = 1;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("replicas") && value == JsonToken.VALUE_NUMBER_INT) {
        replicas = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    return replicas;
  }
}
