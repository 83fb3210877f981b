package io.srcn.testkit.fe;

import java.util.Optional;

/** The default IP-mode resolver: {@code localhost} only, so tests never query real DNS. */
final class DefaultResolver {
  private DefaultResolver() {}

  static Optional<String> resolve(String host) {
    return "localhost".equalsIgnoreCase(host) ? Optional.of("127.0.0.1") : Optional.empty();
  }
}
