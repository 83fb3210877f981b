package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.spec.PodRules;
import io.srcn.sdk.internal.spec.SpecRules;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Requests and limits of the CN container, as Kubernetes quantities.
 *
 * <pre>{@code
 * Resources.requests("4", "16Gi").limits("8", "16Gi")
 * }</pre>
 *
 * <p>Resource names are Kubernetes qualified names ({@code cpu}, {@code memory}, {@code
 * ephemeral-storage}, {@code nvidia.com/gpu}); quantities follow the Kubernetes quantity syntax,
 * and a request may not exceed its limit.
 *
 * <p>Immutable and thread-safe; every fluent method returns a new value.
 */
@Value.Immutable
@SdkStyle
public abstract class Resources {
  Resources() {}

  /** No requests and no limits (the default of a spec). */
  public static Resources none() {
    return ImmutableResources.builder().build();
  }

  /** CPU and memory requests, for example {@code requests("4", "16Gi")}. */
  public static Resources requests(String cpu, String memory) {
    SpecRules.nonNull("resources.requests.cpu", cpu);
    SpecRules.nonNull("resources.requests.memory", memory);
    return ImmutableResources.builder()
        .putRequests("cpu", cpu)
        .putRequests("memory", memory)
        .build();
  }

  /** Given requests and limits, validated together. */
  public static Resources of(Map<String, String> requests, Map<String, String> limits) {
    return ImmutableResources.builder()
        .requests(SpecRules.nonNull("resources.requests", requests))
        .limits(SpecRules.nonNull("resources.limits", limits))
        .build();
  }

  /** The requests by resource name. */
  public abstract Map<String, String> requests();

  /** The limits by resource name. */
  public abstract Map<String, String> limits();

  /** A copy with these CPU and memory limits. */
  public Resources limits(String cpu, String memory) {
    SpecRules.nonNull("resources.limits.cpu", cpu);
    SpecRules.nonNull("resources.limits.memory", memory);
    return ImmutableResources.builder()
        .from(this)
        .putLimits("cpu", cpu)
        .putLimits("memory", memory)
        .build();
  }

  /** A copy with this request (replacing one of the same resource). */
  public Resources request(String resource, String quantity) {
    return ImmutableResources.builder()
        .from(this)
        .putAllRequests(SpecRules.entry("resources.requests", resource, quantity))
        .build();
  }

  /** A copy with this limit (replacing one of the same resource). */
  public Resources limit(String resource, String quantity) {
    return ImmutableResources.builder()
        .from(this)
        .putAllLimits(SpecRules.entry("resources.limits", resource, quantity))
        .build();
  }

  /** True when neither requests nor limits are set. */
  public boolean isEmpty() {
    return requests().isEmpty() && limits().isEmpty();
  }

  @Value.Check
  void check() {
    PodRules.resources(this).throwIfAny();
  }
}
