/**
 * The renderer: a pure function from a {@code ComputeNodeGroupSpec} to the fabric8 objects of its
 * group (ConfigMap, headless Service, StatefulSet, HorizontalPodAutoscaler, PodDisruptionBudget),
 * named and labelled by {@code io.srcn.sdk.naming}. No client, no I/O: only the JDK, the fabric8
 * model and its serializer, Guava and the spec types (checked by {@code RenderPurityTest} and
 * {@code LayerRulesTest}).
 */
package io.srcn.sdk.internal.render;
