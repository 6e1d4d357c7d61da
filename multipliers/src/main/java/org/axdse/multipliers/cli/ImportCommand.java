package org.axdse.multipliers.cli;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.LibraryDirectory;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.table.TableOrientation;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code axdse multipliers import FILE... --into DIR}: validate files and add them to a library directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Validate multiplier files (.bin, .csv, .npy, .v, with optional FILE.meta.json sidecars) and "
        + "copy them into a library directory. Nothing is written unless every file is valid. Warns when an 8x8 "
        + "table looks transposed (it ignores activation bits rather than weight bits).")
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Tables or Verilog netlists.")
  List<Path> files;

  @Option(names = "--into", required = true, paramLabel = "DIR", description = "The library directory.")
  Path into;

  @Option(names = {"--file-format", "--as"}, paramLabel = "FMT",
      description = "Convert to bin, csv, npy or verilog on the way in.")
  String convertTo;

  @Option(names = "--multiplier-format", paramLabel = "u8xN|s8xN",
      description = "Operand format of tables whose file does not say (default u8x8 for .bin).")
  String format;

  @Override
  public void run() {
    FileFormat target = convertTo == null ? null : FileFormat.ofName(convertTo);
    List<Path> written = LibraryDirectory.importInto(files, into, target, parseFormat(format));
    for (Path p : written) {
      spec.commandLine().getOut().println("imported " + p);
    }
    for (Path f : files) {
      TableOrientation.transposedWarning(MultiplierFiles.read(f, parseFormat(format)).table())
          .ifPresent(w -> spec.commandLine().getErr().println("warning: " + f + ": " + w));
    }
    spec.commandLine().getErr().flush();
    spec.commandLine().getOut().flush();
  }

  /** Parses {@code u8x4} / {@code s8x8}; null stays null. */
  static MultiplierFormat parseFormat(String text) {
    if (text == null) {
      return null;
    }
    if (!text.matches("[us]8x[2-8]")) {
      throw new BadInputException("--format: expected u8xN or s8xN with N from 2 to 8, got '" + text + "'");
    }
    return MultiplierFormat.of(text.charAt(3) - '0',
        text.charAt(0) == 's' ? Signedness.SIGNED : Signedness.UNSIGNED);
  }
}
