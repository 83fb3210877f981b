package io.srcn.sdk.internal.spec;

import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.naming.SpecDefaults;
import java.util.Map;

/**
 * The rules of cn.conf entries: keys {@code [a-z0-9_.]+}, values on one line, and no port keys
 * (ports come from the spec's {@code ports()}).
 *
 * <p>Stateless and thread-safe.
 */
final class ConfigRules {
  private ConfigRules() {}

  static void config(Violations v, Map<String, String> config) {
    config.keySet().stream().sorted().forEach(k -> entry(v, k, config.get(k)));
  }

  private static void entry(Violations v, String key, String value) {
    if (!Syntax.isConfigKey(key)) {
      v.add("config", "key " + Violations.quote(key) + " must match [a-z0-9_.]+");
      return;
    }
    String field = "config." + key;
    v.require(
        !SpecDefaults.PORT_CONFIG_KEYS.contains(key),
        field,
        "is a port: set ports with ports(...), not in cn.conf");
    v.require(
        !Syntax.hasLineBreak(value),
        field,
        () -> "value " + Violations.quote(value) + " must not contain line breaks (CR or LF)");
  }
}
