package io.srcn.testkit.standalone;

/** Bad command-line usage: the message says what is wrong; the launcher exits with status 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
