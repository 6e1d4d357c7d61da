package org.axdse.multipliers.cli;

import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.AdaptHeader;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.io.SummaryJson;
import org.axdse.multipliers.io.ToolTables;
import org.axdse.multipliers.io.ToolTables.Order;
import org.axdse.multipliers.library.Summaries;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code axdse multipliers export NAME --out FILE [--file-format LAYOUT]}: a multiplier as a file of any
 * {@link ExportLayout}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a multiplier as a Verilog netlist, a product table (.bin, .csv, .npy), a JSON summary of "
        + "its metrics and costs, or a table for PyTorch tools (AdaPT C header .h, TorchApprox .npy).")
final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Parameters(paramLabel = "NAME", description = "Multiplier name.")
  String name;

  @Option(names = "--file-format", paramLabel = "LAYOUT",
      description = "verilog, bin, csv, npy, json, adapt (weight-major C header, AdaPT conv2d), adapt-linear "
          + "(activation-major, AdaPT linear) or torchapprox (256x256 int16 .npy). Default: from --out's "
          + "extension (.v .bin .csv .npy .json .h).")
  String fileFormat;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (written atomically).")
  Path out;

  @Option(names = "--force", description = "overwrite an existing --out file")
  boolean force;

  @Override
  public void run() {
    ExportLayout layout = ExportLayout.of(fileFormat, out);
    OutputPaths.checkFile(out);
    OutputPaths.checkNew(force, out);
    Multiplier m = library.catalog().byName(name);
    if (m.format().isFloat() && layout != ExportLayout.JSON && layout != ExportLayout.VERILOG) {
      throw new BadInputException(name + ": a float multiplier (" + m.format() + ") exports as verilog or json only");
    }
    switch (layout) {
      case JSON -> AtomicFiles.writeString(out, SummaryJson.toJson(Summaries.defaults().of(m)) + "\n");
      case ADAPT -> AtomicFiles.write(out, AdaptHeader.encode(m, Order.WEIGHT_MAJOR));
      case ADAPT_LINEAR -> AtomicFiles.write(out, AdaptHeader.encode(m, Order.ACTIVATION_MAJOR));
      case TORCHAPPROX -> AtomicFiles.write(out, ToolTables.torchApproxNpy(m.table(), out));
      default -> {
        FileFormat kind = layout.fileFormat();
        if (kind.hasNetlist() && m.circuit().isEmpty()) {
          throw new BadInputException(name + ": a table-only multiplier has no netlist to export as Verilog");
        }
        MultiplierFiles.write(m, kind, out);
      }
    }
    if (layout == ExportLayout.ADAPT && !ToolTables.orderFree(m.table())) {
      spec.commandLine().getOut().println("note: " + name + " is not commutative and AdaPT's linear kernel reads "
          + "lut[input][weight]: export --file-format adapt-linear for AdaPT_Linear layers");
    }
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine().getOut().flush();
  }
}
