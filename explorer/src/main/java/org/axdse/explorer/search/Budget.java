package org.axdse.explorer.search;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.util.Bounds;

/**
 * When the search stops: after a number of generations, after an amount of search time, or whichever comes
 * first. Time counts only while the search phase runs (summed over resumed sessions); the initial population is
 * generation 0 and each further generation is one NSGA-II step.
 *
 * @param generations the number of NSGA-II steps after the initial population, or 0 for no limit
 * @param time the search time, or null for no limit
 */
public record Budget(int generations, Duration time) {
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

  public Budget {
    if (generations < 0) {
      throw new IllegalArgumentException("generations must be >= 0: " + generations);
    }
    Bounds.check("--generations", generations, 0, Bounds.MAX_REPEATS);
    if (time != null && (time.isNegative() || time.isZero())) {
      throw new IllegalArgumentException("the time budget must be positive: " + time);
    }
    if (generations == 0 && time == null) {
      throw new IllegalArgumentException("give --generations G or --budget DURATION (or both)");
    }
  }

  /** True when a search that completed {@code generation} steps in {@code seconds} must stop. */
  public boolean exhausted(int generation, double seconds) {
    return (generations > 0 && generation >= generations)
        || (time != null && seconds >= time.toMillis() / 1000.0);
  }

  /**
   * Parses a duration such as {@code 8h}, {@code 90m}, {@code 1h30m}, {@code 45s} or {@code 2d}, or an ISO-8601
   * duration ({@code PT8H}); throws {@link IllegalArgumentException} on anything else.
   */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a duration: '" + text + "'");
      }
    }
    Matcher m = PART.matcher(t);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      end = m.end();
    }
    if (t.isEmpty() || end != t.length()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 8h, 90m, 1h30m, 45s)");
    }
    return d;
  }

  /** The duration as {@link #parseDuration} reads it back, e.g. {@code 1h30m}. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    StringBuilder b = new StringBuilder();
    if (s >= 3600) {
      b.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      b.append(s % 3600 / 60).append('m');
    }
    if (s % 60 != 0 || b.isEmpty()) {
      b.append(s % 60).append('s');
    }
    return b.toString();
  }
}
