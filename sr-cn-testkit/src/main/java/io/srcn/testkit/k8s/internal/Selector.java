package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed label selector ({@code =}, {@code ==}, {@code !=}, {@code in}, {@code notin}, exists,
 * {@code !} not-exists) or field selector ({@code =}, {@code ==}, {@code !=} on any dotted path).
 *
 * <p>Immutable and thread-safe.
 */
public final class Selector {
  private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
  private static final Pattern SET =
      Pattern.compile("\\s*" + KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern EQ =
      Pattern.compile("\\s*" + KEY + "\\s*(==|=|!=)\\s*([-A-Za-z0-9_.]*)\\s*");

  /** Field selector values are free text (k8s.io/apimachinery pkg/fields/selector.go). */
  private static final Pattern FIELD_EQ =
      Pattern.compile("\\s*" + KEY + "\\s*(==|=|!=)\\s*(.*?)\\s*");

  private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*" + KEY + "\\s*");

  private enum Op {
    EQ,
    NE,
    IN,
    NOT_IN,
    EXISTS,
    NOT_EXISTS
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(String actual) {
      switch (op) {
        case EQ:
        case IN:
          return actual != null && values.contains(actual);
        case NE:
        case NOT_IN:
          return actual == null || !values.contains(actual);
        case EXISTS:
          return actual != null;
        default:
          return actual == null;
      }
    }
  }

  private static final Selector EVERYTHING = new Selector(List.of());

  private final List<Requirement> requirements;

  /**
   * A {@code key=value} pair every matching object carries: the first requirement that is an
   * equality or a set of one value; null when none is.
   */
  java.util.Map.Entry<String, String> requiredPair() {
    for (Requirement r : requirements) {
      if ((r.op() == Op.EQ || r.op() == Op.IN) && r.values().size() == 1) {
        return java.util.Map.entry(r.key(), r.values().iterator().next());
      }
    }
    return null;
  }

  private Selector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** Matches everything. */
  public static Selector everything() {
    return EVERYTHING;
  }

  /** Parses a label selector; a malformed one is a 400 naming the requirement. */
  public static Selector labels(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> out = new ArrayList<>();
    for (String part : splitTopLevel(selector)) {
      out.add(parseLabel(part));
    }
    return new Selector(out);
  }

  /** Parses a field selector; a malformed one is a 400 naming the requirement. */
  public static Selector fields(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> out = new ArrayList<>();
    for (String part : selector.split(",")) {
      Matcher m = FIELD_EQ.matcher(part);
      if (!m.matches()) {
        throw ApiException.badRequest("invalid field selector requirement: \"" + part + "\"");
      }
      out.add(
          new Requirement(m.group(1), m.group(2).equals("!=") ? Op.NE : Op.EQ, Set.of(m.group(3))));
    }
    return new Selector(out);
  }

  /** Whether every requirement holds, looking values up by key. */
  public boolean matches(Function<String, String> lookup) {
    for (Requirement r : requirements) {
      if (!r.matches(lookup.apply(r.key()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether there are no requirements. */
  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** The keys the requirements look at. */
  public List<String> keys() {
    return requirements.stream().map(Requirement::key).toList();
  }

  private static Requirement parseLabel(String part) {
    Matcher m = SET.matcher(part);
    if (m.matches()) {
      Set<String> values = new java.util.LinkedHashSet<>();
      for (String v : m.group(3).split(",")) {
        if (!v.isBlank()) {
          values.add(v.trim());
        }
      }
      return new Requirement(m.group(1), m.group(2).equals("in") ? Op.IN : Op.NOT_IN, values);
    }
    m = EQ.matcher(part);
    if (m.matches()) {
      return new Requirement(
          m.group(1), m.group(2).equals("!=") ? Op.NE : Op.EQ, Set.of(m.group(3)));
    }
    m = EXISTS.matcher(part);
    if (m.matches()) {
      return new Requirement(
          m.group(2), m.group(1).isEmpty() ? Op.EXISTS : Op.NOT_EXISTS, Set.of());
    }
    throw ApiException.badRequest("unable to parse requirement: \"" + part.trim() + "\"");
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
