/**
 * A Kubernetes API server for tests that behaves like a cluster: {@link
 * io.srcn.testkit.k8s.MockKubernetes} is the entry point (fabric8's CRUD mock server hardened with
 * server-side apply, merge and strategic patches, selectors, garbage collection and discovery),
 * with its {@link io.srcn.testkit.k8s.StatefulSetSimulator}, {@link
 * io.srcn.testkit.k8s.HpaSimulator} and {@link io.srcn.testkit.k8s.RequestLog}.
 */
package io.srcn.testkit.k8s;
