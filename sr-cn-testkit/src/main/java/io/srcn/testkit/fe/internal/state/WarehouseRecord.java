package io.srcn.testkit.fe.internal.state;

import java.time.Instant;
import java.util.Set;

/**
 * A warehouse: id, name, its CN groups and when it was created.
 *
 * @param id the warehouse id (0 for {@code default_warehouse})
 * @param name the warehouse name
 * @param cnGroups the CN group names
 * @param createdAt creation time
 */
public record WarehouseRecord(long id, String name, Set<String> cnGroups, Instant createdAt) {}
