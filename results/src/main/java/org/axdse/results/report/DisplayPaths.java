package org.axdse.results.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths as titles show them: an absolute path inside the base directory (the working directory of the command)
 * becomes relative to it, any other absolute path becomes its file name. Tables keep the full paths; titles stay
 * short and do not depend on where the project was checked out.
 */
final class DisplayPaths {
  /** An absolute path at the start of the text or after a space, bracket, colon, equals sign or comma. */
  private static final Pattern ABSOLUTE =
      Pattern.compile("(?<=^|[\\s(\\[:=,])(?:/|[A-Za-z]:\\\\)[^\\s,;()\\[\\]]+");

  private DisplayPaths() {}

  /** {@code text} with every absolute path in it shortened against {@code base}. */
  static String shorten(String text, Path base) {
    Path root = base.toAbsolutePath().normalize();
    Matcher m = ABSOLUTE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(shortenPath(m.group(), root)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code text} shortened against the working directory. */
  static String shorten(String text) {
    return shorten(text, Path.of(""));
  }

  /** The dataset description up to its parenthesised details, e.g. {@code fashion-mnist/test}. */
  static String datasetName(String dataset) {
    int paren = dataset.indexOf(" (");
    return paren < 0 ? dataset : dataset.substring(0, paren);
  }

  private static String shortenPath(String path, Path root) {
    try {
      Path p = Path.of(path).normalize();
      if (!p.isAbsolute()) {
        return path;
      }
      if (p.startsWith(root) && !p.equals(root)) {
        return root.relativize(p).toString();
      }
      Path name = p.getFileName();
      return name == null ? path : name.toString();
    } catch (InvalidPathException e) {
      return path;
    }
  }
}
