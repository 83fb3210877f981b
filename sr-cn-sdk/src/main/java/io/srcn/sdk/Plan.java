package io.srcn.sdk;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Changes to a group's objects, object by object: what applying would change, computed without
 * writing ({@link ComputeNodeClient#plan}, {@link ComputeNodeGroupSpec#plan}), or what an apply
 * changed ({@link ComputeNodeClient#apply}).
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

  /** True when at least one object is (or would be) written. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(ObjectChange::isWrite);
  }

  /** The entry of the object of this kind, if the plan has one. */
  public Optional<ObjectChange> change(String kind) {
    return changes.stream().filter(c -> c.kind().equals(kind)).findFirst();
  }

  /** The action on the object of this kind, if the plan has one. */
  public Optional<ObjectChange.Action> action(String kind) {
    return change(kind).map(ObjectChange::action);
  }

  /** One line per object, e.g. {@code UPDATE StatefulSet ns/g-cn [spec.replicas]}. */
  @Override
  public String toString() {
    return changes.stream().map(ObjectChange::toString).collect(Collectors.joining("\n"));
  }
}
