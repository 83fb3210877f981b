/**
 * The renderer: a pure function from a {@code ComputeNodeGroupSpec} to the fabric8 objects of its
 * group (ConfigMap, headless Service, StatefulSet, HorizontalPodAutoscaler, PodDisruptionBudget),
 * plus the one place that names objects ({@link io.srcn.sdk.internal.render.Names}) and labels them
 * ({@link io.srcn.sdk.internal.render.Labels}). No client, no I/O: only the JDK, the fabric8 model
 * and its serializer, Guava and the spec types (checked by {@code RenderPurityTest}).
 */
package io.srcn.sdk.internal.render;
