package io.srcn.sdk;

import java.util.List;
import java.util.Random;

/** Random building blocks of the generators: names, label keys, YAML-hostile text. */
abstract class RandomValues {
  /** Strings that YAML would misread if they were not quoted, plus Unicode and escapes. */
  static final List<String> TRICKY =
      List.of(
          "yes",
          "no",
          "null",
          "~",
          "123",
          "1e3",
          "0x1F",
          "true",
          "",
          " leading",
          "trailing ",
          "a: b",
          "- x",
          "#comment",
          "tab\there",
          "unicode \u2713 \u4e2d\u6587",
          "'single'",
          "\"double\"",
          "{x}",
          "[y]",
          "*anchor",
          "&ref",
          "!tag",
          "%pct",
          "@at",
          "`bt`",
          "|",
          ">",
          "back\\slash",
          "\u2028sep",
          "emoji \uD83D\uDE80");

  final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  String label(int length) {
    if (length == 0) {
      return "";
    }
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789-";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(i == 0 || i == length - 1 ? 36 : 37)));
    }
    return sb.toString();
  }

  String labelKey() {
    return (random.nextBoolean() ? label(3) + ".example.com/" : "") + label(2 + random.nextInt(8));
  }

  String text() {
    return random.nextBoolean() ? pick(TRICKY) : pick(TRICKY) + "\n" + pick(TRICKY);
  }

  static String oneLine(String s) {
    return s.replace("\n", " ").replace("\r", " ").replace('\u2028', ' ');
  }

  String quantity() {
    return pick(List.of("10", "250m", "1k", "2Mi", "1e3", "0.5"));
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
