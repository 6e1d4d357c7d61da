package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.table.FloatProductWords;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;

/**
 * The header comment that marks a Verilog file as a float multiplier, {@code // number format: e4m3}: the writer
 * adds it for float netlists, the reader then reads operands as codes of that format and the output as one of
 * the layouts of {@link FloatProductWords}. A file without it is an integer multiplier as before.
 */
final class FloatFormatComment {
  private static final Pattern LINE = Pattern.compile("\\s*number format:\\s*(\\S+).*");

  private FloatFormatComment() {}

  /** The comment line for {@code format}, or the empty string for an integer format. */
  static String line(MultiplierFormat format) {
    return format.isFloat() ? "// number format: " + format.element().name() + "\n" : "";
  }

  /**
   * A format given beside the file (flag or sidecar) must agree with what the file is when either is a float
   * format: float multipliers come only from Verilog with the comment, and an integer file is not a float one.
   */
  static void checkDeclared(Path source, FileFormat kind, MultiplierFormat declared, MultiplierFormat read) {
    if (declared != null && (declared.isFloat() || read.isFloat()) && !declared.equals(read)) {
      throw BadInputException.in(source, "format " + declared + " was given but the file holds a " + read
          + " multiplier" + (declared.isFloat() && kind != FileFormat.VERILOG
              ? " (float multipliers are read from Verilog with a '// number format:' comment)" : ""));
    }
  }

  /** The float format a file declares, or null; its operand and product widths are checked. */
  static MultiplierFormat declared(Path source, List<String> comments, int activationBits, int weightBits,
      int productBits) {
    for (String c : comments) {
      Matcher m = LINE.matcher(c);
      if (m.matches()) {
        Minifloat f;
        try {
          f = Minifloat.parse(m.group(1));
        } catch (BadInputException e) {
          throw BadInputException.in(source, "number format comment: " + e.getMessage());
        }
        if (activationBits != f.bits() || weightBits != f.bits() || !FloatProductWords.isLayout(f, productBits)) {
          throw BadInputException.in(source, "a " + f + " multiplier has two " + f.bits() + "-bit inputs and a "
              + f.bits() + "- or " + FloatProductWords.wordBits(f) + "-bit output, got " + activationBits + ", "
              + weightBits + " and " + productBits);
        }
        return MultiplierFormat.of(f);
      }
    }
    return null;
  }
}
