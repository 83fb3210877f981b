package io.srcn.sdk;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What applying (or deleting) a group did, object by object, in the order the objects were touched.
 * An apply with nothing to change has only {@link ObjectChange.Action#UNCHANGED} entries and made
 * no write.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changes one entry per object
 */
public record ApplyResult(List<ObjectChange> changes) {
  /** Copies the list. */
  public ApplyResult {
    changes = List.copyOf(changes);
  }

  /** True when at least one object was written. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(ObjectChange::isWrite);
  }

  /** The entry of the object of this kind, if there is one. */
  public Optional<ObjectChange> change(String kind) {
    return changes.stream().filter(c -> c.kind().equals(kind)).findFirst();
  }

  /** The action taken on the object of this kind, if there is one. */
  public Optional<ObjectChange.Action> action(String kind) {
    return change(kind).map(ObjectChange::action);
  }

  /** One line per object. */
  @Override
  public String toString() {
    return changes.stream().map(ObjectChange::toString).collect(Collectors.joining("\n"));
  }
}
