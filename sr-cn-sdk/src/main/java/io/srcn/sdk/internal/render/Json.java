package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.internal.Yaml;
import java.util.Map;

/**
 * fabric8's serialization (its Jackson configuration and the Kubernetes field order), behind
 * plain-Java signatures: objects to JSON trees, JSON and YAML, and back.
 *
 * <p>Thread-safe.
 */
public final class Json {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Json() {}

  /** The object as a JSON tree of maps, lists and scalars. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object object) {
    return SERIALIZATION.convertValue(object, Map.class);
  }

  /** A JSON tree (or another object) converted to {@code type}. */
  public static <T> T convert(Object tree, Class<T> type) {
    return SERIALIZATION.convertValue(tree, type);
  }

  /** Compact JSON, fields in the Kubernetes order, maps in their iteration order. */
  public static String toJson(Object object) {
    return SERIALIZATION.asJson(object);
  }

  /**
   * One YAML document, starting with {@code ---}: fabric8's field order, quotes only where YAML
   * needs them ({@link Yaml}).
   */
  public static String toYaml(Object object) {
    return Yaml.write(toMap(object));
  }

  /** A deep copy. */
  public static <T> T copy(T object) {
    return SERIALIZATION.clone(object);
  }
}
