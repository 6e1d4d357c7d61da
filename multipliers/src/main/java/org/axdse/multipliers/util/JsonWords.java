package org.axdse.multipliers.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's problem texts in a user's words: {@code Cannot deserialize value of type `java.lang.Double` from
 * Object value} becomes {@code expected a number, not an object}. Users read JSON, not Java, so no Java type name
 * is left in the text.
 */
final class JsonWords {
  private static final Pattern WRONG_TYPE =
      Pattern.compile("(?s)Cannot (?:deserialize value of type|coerce) `([^`]+)` from (\\w+)(?: value)?.*");
  private static final Pattern NO_CREATOR =
      Pattern.compile("(?s)Cannot construct instance of `([^`]+)`.*?from (\\w+) value.*");
  private static final Pattern PROBLEM = Pattern.compile("(?s)Cannot construct instance of `[^`]+`, problem: (.*)");
  private static final Pattern TYPE_NAME = Pattern.compile("`[^`]*`|\\b(?:java|com|org)\\.[\\w.$<>]+");

  private JsonWords() {}

  static String plain(String jackson) {
    String first = syntax(jackson).lines().findFirst().orElse("").strip();
    Matcher m = PROBLEM.matcher(first);
    if (m.matches()) {
      return m.group(1).strip();
    }
    m = WRONG_TYPE.matcher(first);
    if (m.matches()) {
      return "expected " + expected(m.group(1)) + ", not " + found(m.group(2));
    }
    m = NO_CREATOR.matcher(first);
    if (m.matches()) {
      return "expected " + expected(m.group(1)) + ", not " + found(m.group(2));
    }
    return TYPE_NAME.matcher(first).replaceAll("a value").replaceAll("\\s*\\(through reference chain.*", "");
  }

  private static String expected(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.contains("list") || t.contains("[]") || t.contains("set<")) {
      return "a list";
    }
    if (t.contains("map")) {
      return "an object";
    }
    if (t.endsWith("double") || t.endsWith("float")) {
      return "a number";
    }
    if (t.endsWith("int") || t.endsWith("integer") || t.endsWith("long")) {
      return "an integer";
    }
    if (t.endsWith("string")) {
      return "a text";
    }
    if (t.endsWith("boolean")) {
      return "true or false";
    }
    return "an object";
  }

  private static String found(String token) {
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "object", "start_object" -> "an object";
      case "array", "start_array" -> "a list";
      case "string" -> "a text";
      case "number", "int", "integer", "double", "float" -> "a number";
      case "boolean" -> "true or false";
      default -> "this value";
    };
  }

  /** Jackson's wording of the common syntax problems, without its Java feature names. */
  private static String syntax(String problem) {
    if (problem.startsWith("Unexpected end-of-input") || problem.startsWith("No content to map")) {
      return "truncated or empty JSON (unexpected end of input)";
    } else if (problem.startsWith("Non-standard token")) {
      return problem.replaceAll("Non-standard token '([^']*)'.*", "$1 is not a JSON number (write a finite number)");
    }
    return problem.replaceAll(":? ?(enable|disable) `?[A-Za-z]+\\.[A-Z_]+`?.*", "").replaceAll("[\\r\\n]+", " ");
  }
}
