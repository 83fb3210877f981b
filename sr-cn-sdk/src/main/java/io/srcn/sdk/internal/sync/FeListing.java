package io.srcn.sdk.internal.sync;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One FE cluster's listing of compute nodes ({@code SHOW COMPUTE NODES}, then the nodes its own
 * ADDs appended and without those its DROPs removed), as an immutable list that carries what every
 * group pass derives from it ({@link FeListingIndex}), derived at most once per listing. With
 * 10,000 groups and 30,000 nodes, deriving it per pass made a resync O(groups x nodes).
 *
 * <p>An ADD's listing ({@link #plus}) shares its parent's nodes and index and holds only the nodes
 * it appended, so an ADD costs O(added) rather than O(nodes); every {@value #MAX_DEPTH} appends the
 * chain is flattened, and the flat listing's index copies what the chain's had derived instead of
 * deriving every node again (at 10,000 groups, re-deriving on every flattening was half of the
 * controller's CPU). Nothing is cached outside the listing: a listing that is no longer the FE
 * cluster's snapshot is garbage with its index, and two sessions in one JVM share nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class FeListing extends AbstractList<FeNode> implements RandomAccess {
  static final int MAX_DEPTH = 32;

  private final FeListing parent; // null: own holds every node
  private final List<FeNode> own;
  private final int size;
  private final int depth;
  private FeListingIndex index; // guarded by this; derived on first use
  private FeListing flattenedFrom; // guarded by this; the chain this flat listing replaced, if any

  private FeListing(FeListing parent, List<FeNode> own) {
    this.parent = parent;
    this.own = own;
    this.size = (parent == null ? 0 : parent.size) + own.size();
    this.depth = parent == null ? 0 : parent.depth + 1;
  }

  /** A listing of these nodes (copied), in the FE's order. */
  static FeListing of(List<FeNode> nodes) {
    return new FeListing(null, List.copyOf(nodes));
  }

  /** This listing with {@code added} appended after its last node. */
  FeListing plus(List<FeNode> added) {
    if (added.isEmpty()) {
      return this;
    }
    if (depth >= MAX_DEPTH) {
      List<FeNode> nodes = new ArrayList<>(size + added.size());
      nodes.addAll(this);
      nodes.addAll(added);
      FeListing flat = of(nodes);
      flat.flattenedFrom = this; // read under flat's lock in index(); flat is not shared yet
      return flat;
    }
    return new FeListing(this, List.copyOf(added));
  }

  /** What group passes derive from this listing; the same instance on every call. */
  synchronized FeListingIndex index() {
    if (index == null) {
      if (parent != null) {
        index = new FeListingIndex(this, parent.index(), parent.size);
      } else if (flattenedFrom != null) {
        index = FeListingIndex.flattened(this, flattenedFrom.index(), flattenedFrom.size);
        flattenedFrom = null; // the chain may go now
      } else {
        index = new FeListingIndex(this, null, 0);
      }
    }
    return index;
  }

  @Override
  public FeNode get(int i) {
    FeListing l = this;
    while (l.parent != null && i < l.parent.size) {
      l = l.parent;
    }
    int base = l.parent == null ? 0 : l.parent.size;
    return l.own.get(i - base);
  }

  @Override
  public int size() {
    return size;
  }
}
