package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.DocumentReadException;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.Yaml;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes spec documents ({@code apiVersion: srcn.io/v1}, {@code kind: ComputeNodeGroup})
 * as YAML and canonical JSON, through fabric8's serialization and plain {@code Map}/{@code List}
 * trees.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecCodec {
  private static final KubernetesSerialization SERIALIZATION = Fabric8Objects.serialization();

  /** Documents larger than this are rejected before parsing. */
  static final int MAX_DOCUMENT_CHARS = 1 << 20;

  private SpecCodec() {}

  /** The spec as a YAML document. */
  public static String toYaml(ComputeNodeGroupSpec spec) {
    return Yaml.write(SpecWriter.document(spec, true));
  }

  /** The spec as canonical JSON. */
  public static String toCanonicalJson(ComputeNodeGroupSpec spec) {
    return CanonicalJson.write(SpecWriter.document(spec, false));
  }

  /**
   * Reads a document into a draft, collecting every problem with its path.
   *
   * @throws InvalidSpecException when the text is not YAML or JSON at all
   */
  public static SpecDraft read(String document) {
    return SpecReader.read(parse(document));
  }

  /**
   * Parses YAML or JSON text into a tree of maps, lists and scalars.
   *
   * @throws InvalidSpecException naming the position when the text does not parse
   */
  static Object parse(String document) {
    if (document == null || document.isBlank()) {
      throw invalid("is empty");
    }
    if (document.length() > MAX_DOCUMENT_CHARS) {
      throw invalid("is larger than " + MAX_DOCUMENT_CHARS + " characters");
    }
    try {
      return SERIALIZATION.unmarshal(document, Object.class);
    } catch (RuntimeException e) {
      throw invalid("is not valid YAML or JSON: " + oneLine(e.getMessage()));
    }
  }

  /** Reads everything from a reader (not closed). */
  public static String readAll(Reader reader) {
    StringWriter out = new StringWriter();
    try {
      reader.transferTo(out);
    } catch (IOException e) {
      throw new DocumentReadException("cannot read the document: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static InvalidSpecException invalid(String message) {
    return new InvalidSpecException(List.of(new Violation("document", message)));
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "parse error";
    }
    // Keep the parser's descriptions and positions, drop the quoted source lines: they could
    // carry anything the document holds.
    String collapsed =
        message
            .lines()
            .filter(line -> !line.startsWith("    ") && !line.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return collapsed.length() > 300 ? collapsed.substring(0, 300) + "..." : collapsed;
  }
}
