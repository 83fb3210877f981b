package com.example.tenants;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Frontend;

/** One CN group per tenant: what a platform service on Spring Boot would hold as a bean. */
public final class TenantGroups {
  private final KubernetesClient kube;
  private final Frontend frontend;

  public TenantGroups(KubernetesClient kube, Frontend frontend) {
    this.kube = kube;
    this.frontend = frontend;
  }

  /** The spec of a tenant's group, in namespace "tenants". */
  public ComputeNodeGroupSpec spec(String tenant, int replicas) {
    return ComputeNodeGroups.create(tenant)
        .inNamespace("tenants")
        .image("starrocks/cn-ubuntu:3.3.5")
        .replicas(replicas)
        .registerWith(frontend);
  }

  /** Deploys the tenant's group; returns once the objects are applied. */
  public ComputeNodeGroup provision(String tenant, int replicas) {
    return spec(tenant, replicas).deploy(kube);
  }
}
