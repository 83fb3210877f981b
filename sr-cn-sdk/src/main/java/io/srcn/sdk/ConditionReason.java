package io.srcn.sdk;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reasons the SDK puts on a group's {@link Condition}s, as a type. {@link Condition#reason()}
 * stays a string (stable across releases, and what {@code kubectl}-style tools show); {@link
 * Condition#knownReason()} and {@link GroupStatus#degradedReason()} turn it into one of these.
 * Under each condition type the first matching rule wins, in the order listed here.
 *
 * <p>Thread-safe.
 */
public enum ConditionReason {
  // --- Ready (False unless stated) ---
  /** Ready: the group is suspended (0 replicas). See {@link GroupStatus#isSuspended()}. */
  SUSPENDED("Suspended"),
  /**
   * Ready: the StatefulSet wants fewer pods than the HPA's minimum (an autoscaled group is not
   * Ready below its minimum).
   */
  BELOW_MIN_REPLICAS("BelowMinReplicas"),
  /** Ready: a desired pod is missing, not Ready or terminating. */
  PODS_NOT_READY("PodsNotReady"),
  /**
   * Ready, Registered (Unknown) and Degraded: the FE credentials could not be resolved (e.g. the
   * Secret or its key is missing).
   */
  CREDENTIALS_UNRESOLVABLE("CredentialsUnresolvable"),
  /**
   * Ready, Registered, AddressModeMismatch (Unknown) and Degraded: the credentials were resolved
   * but the FE refused them (wrong password, unknown user, missing privilege). The message names
   * the user (never the password) and where the password comes from.
   */
  FRONTEND_AUTH_FAILED("FrontendAuthFailed"),
  /** Ready, Registered (Unknown), Degraded and AddressModeMismatch: the FE cannot be asked. */
  FRONTEND_UNAVAILABLE("FrontendUnavailable"),
  /** Ready, Registered and Degraded: the FE lists the group's pods by another address. */
  ADDRESS_MODE_MISMATCH("AddressModeMismatch"),
  /** Ready, Registered and Degraded: a serving pod is unregistered and the last ADD failed. */
  REGISTRATION_FAILED("RegistrationFailed"),
  /** Ready and Registered: a serving pod is not registered yet. */
  NODES_NOT_REGISTERED("NodesNotRegistered"),
  /** Ready and Degraded: a registered pod is not Alive in the FE. */
  NODES_NOT_ALIVE("NodesNotAlive"),
  /** Ready: a node the group owns, without a pod, waits to be dropped. */
  GHOSTS_PENDING_DROP("GhostsPendingDrop"),
  /** Ready (True): every desired pod is Ready, registered and Alive. */
  ALL_NODES_SERVING("AllNodesServing"),

  // --- Registered ---
  /** Registered (True): every serving pod is registered. */
  ALL_REGISTERED("AllRegistered"),

  // --- Scaling (True unless stated) ---
  /** Scaling: the StatefulSet wants more pods than it has. */
  SCALING_OUT("ScalingOut"),
  /** Scaling: the StatefulSet wants fewer pods than it has. */
  SCALING_IN("ScalingIn"),
  /** Scaling: the HPA's desired replicas differ from its current ones. */
  AUTOSCALER_SCALING("AutoscalerScaling"),
  /** Scaling: pods are terminating. */
  PODS_TERMINATING("PodsTerminating"),
  /** Scaling (False): nothing is changing size. */
  STABLE("Stable"),

  // --- Degraded (True unless stated; also CREDENTIALS_UNRESOLVABLE ... NODES_NOT_ALIVE above) ---
  /** Degraded: applying the Kubernetes objects failed. */
  APPLY_FAILED("ApplyFailed"),
  /** Degraded (False): nothing is wrong. */
  HEALTHY("Healthy"),

  // --- AddressModeMismatch ---
  /** AddressModeMismatch (True): the FE is not in FQDN mode; the message says how to fix it. */
  FRONTEND_NOT_IN_FQDN_MODE("FrontendNotInFqdnMode"),
  /** AddressModeMismatch (False): the FE lists pods by the addresses the group registers. */
  ADDRESSES_MATCH("AddressesMatch");

  private final String reason;

  ConditionReason(String reason) {
    this.reason = reason;
  }

  /** The string on {@link Condition#reason()}, e.g. {@code NodesNotAlive}. */
  public String reason() {
    return reason;
  }

  /**
   * The constant for a condition's reason string; empty for a reason this version does not know.
   */
  public static Optional<ConditionReason> of(String reason) {
    return Arrays.stream(values()).filter(r -> r.reason.equals(reason)).findFirst();
  }

  /** The reason string. */
  @Override
  public String toString() {
    return reason;
  }
}
