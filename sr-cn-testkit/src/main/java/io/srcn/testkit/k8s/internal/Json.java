package io.srcn.testkit.k8s.internal;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON tree helpers over fabric8's serialization (Jackson 3, never exposed publicly).
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Parses JSON; a syntax error becomes a 400. */
  public static JsonNode parse(String json) {
    try {
      return Serialization.jsonMapper().readTree(json);
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Parses YAML (JSON is valid YAML); a syntax error becomes a 400. */
  public static JsonNode parseYaml(String yaml) {
    try {
      JsonNode node = Serialization.yamlMapper().readTree(yaml);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw ApiException.badRequest("the request body is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "the request body is not valid YAML: " + e.getOriginalMessage());
    }
  }

  /** Serializes a tree. */
  public static String write(JsonNode node) {
    return Serialization.jsonMapper().writeValueAsString(node);
  }

  /** Serializes any model object. */
  public static String write(Object model) {
    return Serialization.asJson(model);
  }

  /** Converts a tree into a fabric8 model type. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    return Serialization.jsonMapper().treeToValue(node, type);
  }

  /** Converts a model object into a tree. */
  public static ObjectNode tree(Object model) {
    return (ObjectNode) Serialization.jsonMapper().valueToTree(model);
  }

  /** A new object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** The text at {@code node.a.b.c}, or null when absent or not a scalar. */
  public static String text(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n.isValueNode() && !n.isNull() ? n.asString() : null;
  }

  /** The node at {@code node.a.b.c} (a missing node when absent). */
  public static JsonNode at(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n.path(p);
    }
    return n;
  }

  /** The object at the path, created when absent. */
  public static ObjectNode with(ObjectNode node, String... path) {
    ObjectNode n = node;
    for (String p : path) {
      JsonNode child = n.get(p);
      if (child == null || !child.isObject()) {
        child = n.putObject(p);
      }
      n = (ObjectNode) child;
    }
    return n;
  }

  /** The object's {@code metadata}, created when absent. */
  public static ObjectNode metadata(ObjectNode object) {
    return with(object, "metadata");
  }

  /** Iterates an object's properties. */
  public static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.properties().iterator();
  }
}
