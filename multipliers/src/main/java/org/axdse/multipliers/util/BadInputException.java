package org.axdse.multipliers.util;

import java.nio.file.Path;

/**
 * A problem with something the user gave us (a file, a flag, a config), reported as one line that names the
 * source, the place where there is one, and the problem. The command line prints {@link #getMessage()} and
 * exits non-zero; it never prints a stack trace for this type.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(oneLine(message));
  }

  public BadInputException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** A problem in {@code file} as a whole. */
  public static BadInputException in(Path file, String problem) {
    return new BadInputException(file + ": " + problem);
  }

  /** A problem at a 1-based {@code line} of {@code file}. */
  public static BadInputException at(Path file, int line, String problem) {
    return new BadInputException(file + ":" + line + ": " + problem);
  }

  private static String oneLine(String message) {
    return message == null ? "bad input" : message.replaceAll("[\\r\\n]+", " ").strip();
  }
}
