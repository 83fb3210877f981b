/**
 * The names, labels, annotation keys and in-image layout of a CN group's objects, in the style of
 * Strimzi's {@code KafkaResources}: what {@code kubectl} selectors, dashboards and tests may rely
 * on. A leaf: it imports nothing of the SDK, and every package (and user code) may import it.
 * Stateless and thread-safe.
 */
package io.srcn.sdk.naming;
