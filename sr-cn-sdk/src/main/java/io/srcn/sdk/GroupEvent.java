package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Something that happened to a CN group: a node registered or dropped, a registration that failed,
 * an unreachable FE. The SDK posts each one as a Kubernetes Event on the group's StatefulSet (so
 * {@code kubectl describe statefulset g-cn} shows it) and hands it to every {@link
 * GroupEventListener}.
 *
 * <p>Messages name the addresses involved, never credentials.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class GroupEvent {
  /** Nodes were added to the FE ({@code ALTER SYSTEM ADD COMPUTE NODE}). Normal. */
  public static final String NODE_REGISTERED = "NodeRegistered";

  /** Nodes were dropped from the FE ({@code ALTER SYSTEM DROP COMPUTE NODE}). Normal. */
  public static final String NODE_DROPPED = "NodeDropped";

  /** Adding or dropping nodes failed. Warning. */
  public static final String REGISTRATION_FAILED = "RegistrationFailed";

  /** No FE address answered. Warning. */
  public static final String FRONTEND_UNAVAILABLE = "FrontendUnavailable";

  /** The StatefulSet's replicas changed (by the HPA or by {@code scale}). Normal. */
  public static final String SCALED = "Scaled";

  /** The FE lists pods by IP although the SDK registered their names. Warning. */
  public static final String ADDRESS_MODE_MISMATCH = "AddressModeMismatch";

  /** The group became degraded; the message says why. Warning. */
  public static final String DEGRADED = "Degraded";

  private static final Pattern REASON = Pattern.compile("[A-Z][A-Za-z0-9]{0,127}");

  /** Whether an event is routine or needs attention, as in Kubernetes. Immutable, thread-safe. */
  public enum Type {
    /** Routine. */
    NORMAL("Normal"),
    /** Needs attention. */
    WARNING("Warning");

    private final String kubernetesValue;

    Type(String kubernetesValue) {
      this.kubernetesValue = kubernetesValue;
    }

    /** The Kubernetes spelling: {@code Normal} or {@code Warning}. */
    public String kubernetesValue() {
      return kubernetesValue;
    }
  }

  GroupEvent() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The group's namespace. */
  public abstract String namespace();

  /** The group's name. */
  public abstract String group();

  /** Normal or Warning. */
  public abstract Type type();

  /** CamelCase reason, one of the constants of this class or another stable word. */
  public abstract String reason();

  /** What happened, for humans; names the addresses. */
  public abstract String message();

  /** The FE addresses ({@code host:port}) the event is about; may be empty. */
  public abstract List<String> addresses();

  /** When it happened. */
  public abstract Instant time();

  @Value.Check
  void check() {
    Violations v = new Violations("event");
    v.require(!namespace().isEmpty(), "namespace", "must not be empty");
    v.require(!group().isEmpty(), "group", "must not be empty");
    v.require(
        REASON.matcher(reason()).matches(),
        "reason",
        Violations.quote(reason())
            + " must be CamelCase (a capital letter, then letters or digits)");
    v.require(!message().isBlank(), "message", "must not be blank");
    v.throwIfAny();
  }

  /** Builds a {@link GroupEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableGroupEvent.Builder {
    Builder() {}
  }
}
