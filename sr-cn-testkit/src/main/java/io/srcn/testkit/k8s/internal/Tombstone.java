package io.srcn.testkit.k8s.internal;

/**
 * One deletion.
 *
 * @param version the resourceVersion the deletion was given
 * @param json the object's last state, carrying that resourceVersion
 */
record Tombstone(long version, String json) {}
