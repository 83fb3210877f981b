package io.srcn.sdk.internal.spec;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;

/**
 * Reads and writes spec documents ({@code apiVersion: srcn.io/v1}, {@code kind: ComputeNodeGroup})
 * as YAML and canonical JSON.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecCodec {
  private SpecCodec() {}

  /** The spec as a YAML document. */
  public static String toYaml(ComputeNodeGroupSpec spec) {
    throw new UnsupportedOperationException("YAML writing is not implemented yet");
  }

  /** The spec as canonical JSON. */
  public static String toCanonicalJson(ComputeNodeGroupSpec spec) {
    throw new UnsupportedOperationException("JSON writing is not implemented yet");
  }

  /** Reads a document into a draft, collecting every problem with its path. */
  public static SpecDraft read(String document) {
    throw new UnsupportedOperationException("YAML reading is not implemented yet");
  }

  /** Reads everything from a reader (not closed). */
  public static String readAll(Reader reader) {
    StringWriter out = new StringWriter();
    try {
      reader.transferTo(out);
    } catch (IOException e) {
      throw new CnSdkException("cannot read the document: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
