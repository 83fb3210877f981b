package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.FeVersion;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The system variables the FE answers for {@code SELECT @@x} and {@code SHOW VARIABLES}, with
 * StarRocks' values ({@code utf8}, {@code ONLY_FULL_GROUP_BY}, ...), so Connector/J runs the same
 * session set-up against the fake as against a real FE.
 *
 * <p>Immutable and thread-safe.
 */
public final class SystemVariables {
  private final Map<String, String> values;

  /** The variables of an FE of {@code version} whose time zone is {@code zone}. */
  public SystemVariables(FeVersion version, ZoneId zone) {
    Map<String, String> v = new TreeMap<>();
    v.put("auto_increment_increment", "1");
    v.put("autocommit", "1");
    v.put("character_set_client", "utf8");
    v.put("character_set_connection", "utf8");
    v.put("character_set_results", "utf8");
    v.put("character_set_server", "utf8");
    v.put("collation_connection", "utf8_general_ci");
    v.put("collation_database", "utf8_general_ci");
    v.put("collation_server", "utf8_general_ci");
    v.put("init_connect", "");
    v.put("interactive_timeout", "3600");
    v.put("language", "/starrocks/share/english/");
    v.put("license", version == FeVersion.V2_4 ? "Elastic License 2.0" : "Apache License 2.0");
    v.put("lower_case_table_names", "0");
    v.put("max_allowed_packet", Integer.toString(ServerLimits.MAX_ALLOWED_PACKET));
    v.put("net_buffer_length", "16384");
    v.put("net_read_timeout", "60");
    v.put("net_write_timeout", "60");
    v.put("performance_schema", "0");
    v.put("query_cache_size", "1048576");
    v.put("query_cache_type", "0");
    v.put("sql_mode", "ONLY_FULL_GROUP_BY");
    v.put("system_time_zone", zone.getId());
    v.put("time_zone", zone.getId());
    v.put("transaction_isolation", "REPEATABLE-READ");
    v.put("transaction_read_only", "0");
    v.put("tx_isolation", "REPEATABLE-READ");
    v.put("tx_read_only", "0");
    v.put("version", version.serverVersion());
    v.put("version_comment", "StarRocks version " + version.release());
    v.put("wait_timeout", "28800");
    this.values = Collections.unmodifiableMap(v);
  }

  /** The value of a variable (name case-insensitive). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
  }

  /** All variables, sorted by name. */
  public Map<String, String> all() {
    return values;
  }
}
