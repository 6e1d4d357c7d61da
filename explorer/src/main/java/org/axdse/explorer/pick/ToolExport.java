package org.axdse.explorer.pick;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.AdaptHeader;
import org.axdse.multipliers.io.ToolTables;
import org.axdse.multipliers.io.ToolTables.Order;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;

/**
 * The way out to PyTorch tools: beside {@code deploy.json}, the chosen multipliers as AdaPT headers
 * ({@code deploy/adapt/NAME.h}, weight-major for conv2d, plus {@code NAME_linear.h} activation-major for linear
 * layers when the design is not commutative) and TorchApprox tables ({@code deploy/torchapprox/NAME.npy}, when the
 * products fit int16), and {@code deploy/load_tables.py}, which loads them layer by layer ({@link LoadTablesScript}).
 * Float designs (minifloat multipliers) get no tool files and their layers are left out of the script: their
 * tables hold packed float products, which these integer tools would read as integers.
 * Every byte is computed before the first file is written.
 */
final class ToolExport {
  static final String ADAPT = MultiplierExport.FOLDER + "/adapt/";
  static final String TORCHAPPROX = MultiplierExport.FOLDER + "/torchapprox/";
  static final String SNIPPET = MultiplierExport.FOLDER + "/load_tables.py";

  /** The tool files of one multiplier, paths relative to the deploy folder; {@code torchApprox} null when none. */
  record Tables(String name, String adaptConv, String adaptLinear, String torchApprox) {}

  private ToolExport() {}

  /** Each assigned layer's kind for the tools: {@code conv}, {@code linear} or {@code other} (recurrent). */
  static Map<String, String> kinds(Model model, Assignment assignment) {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String layer : assignment.layers().keySet()) {
      Layer l = model.layers().stream().filter(x -> x.name().equals(layer)).findFirst().orElse(null);
      kinds.put(layer, l instanceof ConvLayer ? "conv" : l instanceof DenseLayer ? "linear" : "other");
    }
    return kinds;
  }

  /** Writes the tables and the script under {@code outDir}; returns the script's path. */
  static Path write(Assignment assignment, Map<String, String> kinds, MultiplierCatalog catalog, Path outDir) {
    Set<String> names = new LinkedHashSet<>();
    assignment.layers().values().forEach(a -> names.addAll(a.distinctMultipliers()));
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Tables> tables = new LinkedHashMap<>();
    for (String name : names) {
      Multiplier m = catalog.byName(name);
      if (m.format().isFloat()) {
        continue; // its table holds packed float products, which the integer tools would misread
      }
      files.put(ADAPT + name + ".h", AdaptHeader.encode(m, Order.WEIGHT_MAJOR));
      String linear = name;
      if (!ToolTables.orderFree(m.table())) {
        linear = name + "_linear";
        files.put(ADAPT + linear + ".h", AdaptHeader.encode(m, Order.ACTIVATION_MAJOR));
      }
      String torch = null;
      try {
        byte[] npy = ToolTables.torchApproxNpy(m.table(), outDir.resolve(TORCHAPPROX + name + ".npy"));
        torch = "torchapprox/" + name + ".npy";
        files.put(TORCHAPPROX + name + ".npy", npy);
      } catch (BadInputException e) {
        // products beyond int16 (unsigned 8x8): TorchApprox cannot hold them; the script says so
      }
      tables.put(name, new Tables(name, name, linear, torch));
    }
    Map<String, LayerAssignment> layers = new LinkedHashMap<>(assignment.layers());
    layers.values().removeIf(a -> !tables.keySet().containsAll(a.distinctMultipliers()));
    files.put(SNIPPET, LoadTablesScript.text(layers, kinds, tables));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      AtomicFiles.write(outDir.resolve(f.getKey()), f.getValue());
    }
    return outDir.resolve(SNIPPET);
  }
}
