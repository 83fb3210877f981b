package io.srcn.sdk.internal;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes trees of maps, lists and scalars as YAML that reads like hand-written Kubernetes YAML:
 * strings unquoted unless YAML would read them as something else (numbers, booleans, null, or text
 * with special characters), multi-line strings as literal blocks ({@code |}), long strings on one
 * line. Map order is kept, so a tree converted from a fabric8 object keeps the Kubernetes field
 * order.
 *
 * <p>Thread-safe.
 */
public final class Yaml {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(
              YAMLWriteFeature.MINIMIZE_QUOTES,
              YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS,
              YAMLWriteFeature.LITERAL_BLOCK_STYLE)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .build();

  private Yaml() {}

  /** One YAML document, starting with {@code ---}. */
  public static String write(Object tree) {
    return MAPPER.writeValueAsString(tree);
  }
}
