package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One condition of a {@link GroupStatus}, shaped like a Kubernetes condition: a type, a status, a
 * CamelCase reason a program can switch on, a message for humans, and the time the status last
 * changed.
 *
 * <p>The SDK reports five types: {@link #READY}, {@link #REGISTERED}, {@link #SCALING}, {@link
 * #DEGRADED} and {@link #ADDRESS_MODE_MISMATCH}. The rules that set them are described on {@link
 * GroupStatus}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class Condition {
  /** Every desired pod is ready, registered with the FE and alive there, and no ghost waits. */
  public static final String READY = "Ready";

  /** Every serving pod is registered with the FE under the address the SDK registered. */
  public static final String REGISTERED = "Registered";

  /** Replicas are changing: StatefulSet or HPA desired differs from current, or pods terminate. */
  public static final String SCALING = "Scaling";

  /** Something needs attention: FE unreachable, credentials, registration, apply, dead nodes. */
  public static final String DEGRADED = "Degraded";

  /** The FE lists a pod under another address than the one registered (FE not in FQDN mode). */
  public static final String ADDRESS_MODE_MISMATCH = "AddressModeMismatch";

  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,315}");
  private static final Pattern REASON = Pattern.compile("[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?");
  private static final int MAX_REASON = 1024;
  private static final int MAX_MESSAGE = 32768;

  Condition() {}

  /** A condition without a transition time. */
  public static Condition of(String type, ConditionStatus status, String reason, String message) {
    return builder().type(type).status(status).reason(reason).message(message).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The condition type, e.g. {@link #READY}. */
  public abstract String type();

  /** Whether the condition holds. */
  public abstract ConditionStatus status();

  /** Why, in CamelCase, e.g. {@code NodesNotAlive}; stable across releases. */
  public abstract String reason();

  /** Why, for humans; names pods and addresses. */
  public abstract String message();

  /** When {@link #status()} last changed; empty until the SDK has set it. */
  public abstract Optional<Instant> lastTransitionTime();

  /** The reason as a {@link ConditionReason}; empty for a reason this SDK version does not know. */
  public Optional<ConditionReason> knownReason() {
    return ConditionReason.of(reason());
  }

  /** True when the status is {@link ConditionStatus#TRUE}. */
  public boolean isTrue() {
    return status() == ConditionStatus.TRUE;
  }

  /** A copy with this transition time. */
  public Condition withLastTransitionTime(Instant time) {
    return builder().from(this).lastTransitionTime(time).build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("condition");
    v.require(
        TYPE.matcher(type()).matches(),
        "type",
        Violations.quote(type()) + " must be CamelCase (a capital letter, then letters or digits)");
    v.require(
        reason().length() <= MAX_REASON && REASON.matcher(reason()).matches(),
        "reason",
        Violations.quote(reason()) + " must be CamelCase (letters, digits, '_', ',' or ':')");
    v.require(!message().isEmpty(), "message", "must not be empty");
    v.require(
        message().length() <= MAX_MESSAGE,
        "message",
        "is " + message().length() + " characters; at most " + MAX_MESSAGE + " allowed");
    v.throwIfAny();
  }

  /** Builds a {@link Condition}. Not thread-safe. */
  public static final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }
}
