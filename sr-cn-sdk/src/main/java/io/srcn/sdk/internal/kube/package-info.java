/**
 * Kubernetes reads that belong neither to the applier nor to the reconciler: the Secret credentials
 * resolver. Uses the fabric8 client and the public API only.
 */
package io.srcn.sdk.internal.kube;
