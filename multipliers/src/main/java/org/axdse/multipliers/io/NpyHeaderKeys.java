package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;

/**
 * The key check NumPy makes on an {@code .npy} header ({@code numpy.lib.format._read_array_header}): the header is
 * one Python dict literal whose keys are exactly {@code descr}, {@code fortran_order} and {@code shape}, each once.
 * A header with other, missing or repeated keys is refused as NumPy refuses it.
 */
final class NpyHeaderKeys {
  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  private NpyHeaderKeys() {}

  /** Throws a one-line error naming {@code source} unless {@code header}'s top-level keys are exactly the three. */
  static void check(Path source, String header) {
    String h = header.strip();
    if (!h.startsWith("{") || !h.endsWith("}")) {
      throw BadInputException.in(source, ".npy header is not a dict literal");
    }
    List<String> keys = topLevelKeys(source, h.substring(1, h.length() - 1));
    if (keys.size() != KEYS.size() || !KEYS.containsAll(keys) || keys.stream().distinct().count() != keys.size()) {
      throw BadInputException.in(source, ".npy header keys " + keys
          + " are not exactly descr, fortran_order, shape (NumPy refuses such files)");
    }
  }

  /** The quoted keys at depth 0 of {@code body}: a key is the string that comes first in a comma-separated item. */
  private static List<String> topLevelKeys(Path source, String body) {
    List<String> keys = new ArrayList<>();
    int depth = 0;
    boolean expectKey = true;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' || c == '"') {
        int end = body.indexOf(c, i + 1);
        if (end < 0) {
          throw BadInputException.in(source, ".npy header has an unterminated string");
        }
        if (depth == 0 && expectKey) {
          keys.add(body.substring(i + 1, end));
          expectKey = false;
        }
        i = end;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth < 0) {
          throw BadInputException.in(source, ".npy header has unbalanced brackets");
        }
      } else if (c == ',' && depth == 0) {
        expectKey = true;
      } else if (depth == 0 && expectKey && !Character.isWhitespace(c)) {
        throw BadInputException.in(source, ".npy header key is not a quoted string");
      }
    }
    if (depth != 0) {
      throw BadInputException.in(source, ".npy header has unbalanced brackets");
    }
    return keys;
  }
}
