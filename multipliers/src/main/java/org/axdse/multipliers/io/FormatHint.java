package org.axdse.multipliers.io;

import java.nio.file.Path;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;

/**
 * What is known about a file's format before reading it (from a sidecar or the caller): the weight width and the
 * signedness, each possibly unknown (null). Readers combine it with what the file itself shows.
 */
record FormatHint(Integer weightBits, Signedness signedness) {
  static final FormatHint NONE = new FormatHint(null, null);

  static FormatHint of(MultiplierFormat format) {
    return format == null ? NONE : new FormatHint(format.weightBits(), format.signedness());
  }

  /** This hint where it says something, else {@code other}. */
  FormatHint orElse(FormatHint other) {
    return new FormatHint(weightBits != null ? weightBits : other.weightBits,
        signedness != null ? signedness : other.signedness);
  }

  /**
   * The format of a file whose content shows weight width {@code fileWeightBits} (0 when the content does not
   * tell) and suggests {@code fileSignedness} (null when it does not tell).
   */
  MultiplierFormat resolve(Path source, int fileWeightBits, Signedness fileSignedness) {
    int n = fileWeightBits;
    if (weightBits != null) {
      if (n != 0 && n != weightBits) {
        throw BadInputException.in(source, "content is an 8x" + n + " multiplier but its format says 8x"
            + weightBits);
      }
      n = weightBits;
    }
    if (n == 0) {
      n = 8;
    }
    if (n < 2 || n > 8) {
      throw BadInputException.in(source, "weight operand must be 2 to 8 bits, got " + n);
    }
    Signedness s = signedness != null ? signedness : fileSignedness != null ? fileSignedness : Signedness.UNSIGNED;
    return MultiplierFormat.of(n, s);
  }

  /** Parses a format name such as {@code u8x8}, {@code s8x4} or a float format such as {@code e4m3}. */
  static MultiplierFormat parseFormat(Path source, String text) {
    if (text.strip().matches("(?i)e\\d+m\\d+.*")) {
      try {
        return MultiplierFormat.of(org.axdse.multipliers.format.Minifloat.parse(text));
      } catch (BadInputException e) {
        throw BadInputException.in(source, e.getMessage());
      }
    }
    var m = java.util.regex.Pattern.compile("([us])8x([2-8])").matcher(text.strip());
    if (!m.matches()) {
      throw BadInputException.in(source, "bad multiplier format '" + text + "'; expected u8xN or s8xN, N = 2..8");
    }
    return MultiplierFormat.of(Integer.parseInt(m.group(2)),
        m.group(1).equals("s") ? Signedness.SIGNED : Signedness.UNSIGNED);
  }
}
