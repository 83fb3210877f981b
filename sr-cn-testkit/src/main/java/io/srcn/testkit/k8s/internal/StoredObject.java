package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object in the store: its index attributes and JSON, parsed on demand.
 *
 * <p>Thread-safe (the parsed tree is a fresh copy for every call).
 */
public final class StoredObject {
  private final AttributeSet key;
  private final String json;

  StoredObject(AttributeSet key, String json) {
    this.key = key;
    this.json = json;
  }

  /** The store key. */
  public AttributeSet key() {
    return key;
  }

  /** The JSON as stored. */
  public String json() {
    return json;
  }

  /** A fresh mutable tree of the object. */
  public ObjectNode tree() {
    return (ObjectNode) Json.parse(json);
  }

  /** {@code metadata.name}. */
  public String name() {
    return attribute(key, "name");
  }

  /** {@code metadata.namespace}, or null. */
  public String namespace() {
    return attribute(key, "namespace");
  }

  /** The value of a label, or null. */
  public String label(String labelKey) {
    return attribute(key, "labels:" + labelKey);
  }

  /** A single-valued attribute of a store key, or null. */
  static String attribute(AttributeSet set, String name) {
    Attribute a = set.getAttribute(name);
    return a == null || a.getValues().isEmpty() ? null : a.getValues().get(0).toString();
  }
}
