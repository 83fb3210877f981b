/**
 * The public API of sr-cn-sdk. {@link io.srcn.sdk.ComputeNodeClient} is the one entry point that
 * works on a cluster: a session that deploys specs, re-attaches to running groups and builds the
 * embedded controller, sharing FE connections, events and caches among them. {@link
 * io.srcn.sdk.ComputeNodeGroups} creates the immutable {@code ComputeNodeGroupSpec} values it
 * deploys (and translates legacy manifests, and gives the RBAC Role the SDK needs).
 */
package io.srcn.sdk;
