/**
 * The applier: server-side apply of a rendered group with no-op detection, plan, delete and
 * Kubernetes error hints. {@link io.srcn.sdk.internal.apply.GroupApplier} is the entry point for
 * the lifecycle engine; it talks to Kubernetes only through the fabric8 client it is given.
 */
package io.srcn.sdk.internal.apply;
