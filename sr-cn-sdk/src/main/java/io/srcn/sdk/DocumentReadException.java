package io.srcn.sdk;

/**
 * A spec document or legacy manifest could not be read at all (an I/O error of the reader). A
 * document that is read but malformed or invalid raises {@link InvalidSpecException} instead.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class DocumentReadException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the I/O error as the cause. */
  public DocumentReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
