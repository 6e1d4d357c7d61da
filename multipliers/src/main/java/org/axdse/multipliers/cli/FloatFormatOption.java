package org.axdse.multipliers.cli;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.util.BadInputException;

/** Reads a minifloat format name given to a flag, with the flag's name in the one-line error. */
final class FloatFormatOption {
  private FloatFormatOption() {}

  /** {@code text} as a minifloat; otherwise a one-line error naming {@code flag} and what else it accepts. */
  static Minifloat parse(String flag, String text, String otherwise) {
    try {
      return Minifloat.parse(text);
    } catch (BadInputException e) {
      throw new BadInputException(flag + ": expected " + otherwise + " or a float format such as e4m3; "
          + e.getMessage());
    }
  }
}
