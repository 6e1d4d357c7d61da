package org.axdse.multipliers.cli;

import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.io.SummaryJson;
import org.axdse.multipliers.library.Summaries;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code axdse multipliers export NAME --format verilog|bin|csv|npy|json --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a multiplier as a Verilog netlist, a product table (.bin, .csv, .npy) or a JSON summary "
        + "of its metrics and costs.")
final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Parameters(paramLabel = "NAME", description = "Multiplier name.")
  String name;

  @Option(names = "--format", required = true, paramLabel = "FMT",
      description = "verilog, bin, csv, npy or json.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (written atomically).")
  Path out;

  @Override
  public void run() {
    OutputPaths.checkFile(out);
    Multiplier m = library.catalog().byName(name);
    if (format.equals("json")) {
      AtomicFiles.writeString(out, SummaryJson.toJson(Summaries.defaults().of(m)) + "\n");
    } else {
      FileFormat kind = FileFormat.ofName(format);
      if (kind.hasNetlist() && m.circuit().isEmpty()) {
        throw new BadInputException(name + ": a table-only multiplier has no netlist to export as " + format);
      }
      MultiplierFiles.write(m, kind, out);
    }
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine().getOut().flush();
  }
}
