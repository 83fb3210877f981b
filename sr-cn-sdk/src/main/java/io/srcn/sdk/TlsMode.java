package io.srcn.sdk;

/**
 * How the SDK's JDBC connections to the FE use TLS. Maps to Connector/J's {@code sslMode}.
 *
 * <p>The StarRocks FE serves TLS only when configured to; {@link #PREFERRED} falls back to plain
 * text when the FE does not offer it.
 */
public enum TlsMode {
  /** Plain text only ({@code sslMode=DISABLED}). The default. */
  DISABLED,
  /** TLS when the FE offers it, plain text otherwise ({@code sslMode=PREFERRED}). */
  PREFERRED,
  /** TLS required, certificate not verified ({@code sslMode=REQUIRED}). */
  REQUIRED,
  /** TLS required and the certificate chain verified ({@code sslMode=VERIFY_CA}). */
  VERIFY_CA,
  /** TLS required, chain and host name verified ({@code sslMode=VERIFY_IDENTITY}). */
  VERIFY_IDENTITY
}
