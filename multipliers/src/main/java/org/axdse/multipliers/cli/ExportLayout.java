package org.axdse.multipliers.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.util.BadInputException;

/**
 * What {@code multipliers export --file-format} writes: the four multiplier file formats, the JSON summary, and
 * the tables of the PyTorch simulators (AdaPT header weight-major for conv2d, activation-major for linear layers;
 * TorchApprox {@code .npy}). Without the flag the layout follows {@code --out}'s extension; {@code .h} is the
 * weight-major AdaPT header and {@code .npy} the plain table (for s8x8 the same bytes as TorchApprox's).
 */
enum ExportLayout {
  VERILOG("v", "verilog"), BIN("bin", "bin"), CSV("csv", "csv"), NPY("npy", "npy"), JSON("json", "json"),
  ADAPT("h", "adapt"), ADAPT_LINEAR(null, "adapt-linear"), TORCHAPPROX(null, "torchapprox");

  private final String extension;
  private final String key;

  ExportLayout(String extension, String key) {
    this.extension = extension;
    this.key = key;
  }

  /** The multiplier file format this layout is, or null for JSON and the tool tables. */
  FileFormat fileFormat() {
    return switch (this) {
      case VERILOG -> FileFormat.VERILOG;
      case BIN -> FileFormat.BIN;
      case CSV -> FileFormat.CSV;
      case NPY -> FileFormat.NPY;
      default -> null;
    };
  }

  /** The layout named {@code name} (or its extension); when null, the one {@code out}'s extension names. */
  static ExportLayout of(String name, Path out) {
    if (name != null) {
      String n = name.toLowerCase(Locale.ROOT);
      for (ExportLayout l : values()) {
        if (l.key.equals(n) || n.equals(l.extension)) {
          return l;
        }
      }
      throw new BadInputException("--file-format: unknown layout '" + name + "'; expected one of " + keys());
    }
    String file = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    for (ExportLayout l : values()) {
      if (l.extension != null && file.endsWith("." + l.extension) && file.length() > l.extension.length() + 1) {
        return l;
      }
    }
    throw BadInputException.in(out, "cannot tell the layout from the extension; use .v .bin .csv .npy .json .h"
        + " or give --file-format " + keys());
  }

  private static String keys() {
    return Arrays.stream(values()).map(l -> l.key).collect(Collectors.joining("|"));
  }
}
