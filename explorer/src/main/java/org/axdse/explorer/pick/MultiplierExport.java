package org.axdse.explorer.pick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.deploy.DeployConfig.MultiplierFile;

/**
 * Writes the multipliers a deployment uses beside its {@code deploy.json}: {@code deploy/verilog/NAME.v} for those
 * with a netlist, {@code deploy/tables/NAME.bin} (TFApprox lookup table) for table-only ones, each with its
 * {@code .meta.json} sidecar so that importing the file gives back the same name, format and table.
 */
final class MultiplierExport {
  static final String FOLDER = "deploy";

  private MultiplierExport() {}

  /** Exports {@code names} under {@code outDir}; paths in the result are relative to {@code outDir}. */
  static List<MultiplierFile> write(Collection<String> names, MultiplierCatalog catalog, Path outDir) {
    List<MultiplierFile> files = new ArrayList<>();
    for (String name : names) {
      Multiplier m = catalog.byName(name);
      if (!name.matches("[A-Za-z0-9._+-]+") || name.startsWith(".")) {
        throw new BadInputException("multiplier '" + name + "' cannot be used as a file name for export");
      }
      boolean netlist = m.netlist() != null;
      String rel = FOLDER + (netlist ? "/verilog/" + name + ".v" : "/tables/" + name + ".bin");
      MultiplierFiles.writeWithSidecar(m, netlist ? FileFormat.VERILOG : FileFormat.BIN, outDir.resolve(rel));
      files.add(new MultiplierFile(name, rel, netlist ? "verilog" : "table"));
    }
    return files;
  }
}
