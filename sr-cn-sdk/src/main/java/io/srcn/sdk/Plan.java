package io.srcn.sdk;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code deploy} would change on the cluster, object by object, computed without writing
 * anything ({@link ComputeNodeGroupSpec#plan}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param changes one entry per object, in the order the applier would touch them
 */
public record Plan(List<ObjectChange> changes) {
  /** Copies the list. */
  public Plan {
    changes = List.copyOf(changes);
  }

  /** True when applying would write at least one object. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(ObjectChange::isWrite);
  }

  /** The entry of the object of this kind, if the plan has one. */
  public Optional<ObjectChange> change(String kind) {
    return changes.stream().filter(c -> c.kind().equals(kind)).findFirst();
  }

  /** One line per object, e.g. {@code UPDATE StatefulSet ns/g-cn [spec.replicas]}. */
  @Override
  public String toString() {
    return changes.stream().map(ObjectChange::toString).collect(Collectors.joining("\n"));
  }
}
