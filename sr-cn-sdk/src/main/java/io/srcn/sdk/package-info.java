/**
 * The public API of sr-cn-sdk. {@link io.srcn.sdk.ComputeNodeGroups} is the entry point: it creates
 * immutable {@code ComputeNodeGroupSpec} values, deploys them, re-attaches to running groups and
 * builds the embedded controller.
 */
package io.srcn.sdk;
