package org.axdse.multipliers.util;

/**
 * Bounds on every size a user can ask for (population, generations, images, threads, epochs, repeats...), so
 * that a typo such as {@code --population 2000000000} is one line naming the flag and the bound instead of a
 * process that grows to the heap limit. The caps are far above any useful value and independent of the machine,
 * so a command that passes here passes everywhere.
 */
public final class Bounds {
  /** Threads of one process: far beyond any machine's cores, and below the operating system's usual limits. */
  public static final int MAX_THREADS = 1024;
  /** Counts of things held in memory at once (population, offspring, batch): each costs at least a genome. */
  public static final int MAX_COUNT = 100_000;
  /** Counts of repetitions (generations, epochs, repeats): each costs at least one pass of work. */
  public static final int MAX_REPEATS = 1_000_000;
  /** Image counts: larger than any dataset the project reads (the dataset itself bounds them further). */
  public static final int MAX_IMAGES = 100_000_000;

  private Bounds() {}

  /** {@code value} when it lies in {@code [min, max]}, else a one-line error naming {@code flag} and the bound. */
  public static int check(String flag, long value, long min, long max) {
    return check(flag, value, min, max, null);
  }

  /** As {@link #check(String, long, long, long)}, saying {@code why} the upper bound is what it is. */
  public static int check(String flag, long value, long min, long max, String why) {
    if (value < min) {
      throw new BadInputException(flag + " must be >= " + min + ": " + value);
    }
    if (value > max) {
      throw new BadInputException(flag + " must be <= " + max + (why == null ? "" : " (" + why + ")") + ": "
          + value);
    }
    return (int) value;
  }

  /** A thread count in {@code [1, MAX_THREADS]}. */
  public static int threads(String flag, long value) {
    return check(flag, value, 1, MAX_THREADS, "threads of one process");
  }

  /** An image count in {@code [min, MAX_IMAGES]}. */
  public static int images(String flag, long value, long min) {
    return check(flag, value, min, MAX_IMAGES);
  }
}
