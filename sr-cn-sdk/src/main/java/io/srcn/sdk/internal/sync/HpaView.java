package io.srcn.sdk.internal.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the status needs of a group's HorizontalPodAutoscaler, whichever API version it was read in.
 *
 * @param apiVersion {@code autoscaling/v2} or {@code autoscaling/v2beta2}
 * @param minReplicas the lower bound
 * @param maxReplicas the upper bound
 * @param currentReplicas the HPA's {@code status.currentReplicas}
 * @param desiredReplicas the HPA's {@code status.desiredReplicas}
 * @param lastScaleTime when it last scaled
 */
record HpaView(
    String apiVersion,
    int minReplicas,
    int maxReplicas,
    int currentReplicas,
    int desiredReplicas,
    Optional<Instant> lastScaleTime) {}
