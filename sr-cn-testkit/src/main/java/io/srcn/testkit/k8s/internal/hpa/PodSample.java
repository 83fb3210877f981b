package io.srcn.testkit.k8s.internal.hpa;

/**
 * One pod of an HPA's target as the replica calculator sees it.
 *
 * @param name the pod name
 * @param ignored deleting or failed (left out entirely)
 * @param pending phase Pending (counted as unready)
 * @param ready the Ready condition is True
 * @param value the metric value, or null when the pod reports none
 */
public record PodSample(
    String name, boolean ignored, boolean pending, boolean ready, Double value) {}
