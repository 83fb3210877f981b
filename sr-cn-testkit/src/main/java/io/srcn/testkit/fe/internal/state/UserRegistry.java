package io.srcn.testkit.fe.internal.state;

import io.srcn.testkit.fe.internal.protocol.NativePassword;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FE's users: the stored password hash ({@code SHA1(SHA1(pw))}, never the password) and whether
 * the user holds the SYSTEM-level NODE privilege.
 *
 * <p>Thread-safe.
 */
public final class UserRegistry {
  /**
   * One user.
   *
   * @param name the user name
   * @param storedHash {@code SHA1(SHA1(password))}, empty for an empty password
   * @param nodePrivilege whether the user may run ALTER SYSTEM
   */
  public record User(String name, byte[] storedHash, boolean nodePrivilege) {
    /** Never prints the hash. */
    @Override
    public String toString() {
      return "User[name=" + name + ", nodePrivilege=" + nodePrivilege + "]";
    }
  }

  private final Map<String, User> users = new ConcurrentHashMap<>();

  /** Adds or replaces a user. */
  public void put(String name, String password, boolean nodePrivilege) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("user name must not be empty");
    }
    if (password == null) {
      throw new IllegalArgumentException("password of user '" + name + "' must not be null");
    }
    users.put(name, new User(name, NativePassword.storedHash(password), nodePrivilege));
  }

  /** The user, if configured. */
  public Optional<User> get(String name) {
    return Optional.ofNullable(users.get(name));
  }
}
