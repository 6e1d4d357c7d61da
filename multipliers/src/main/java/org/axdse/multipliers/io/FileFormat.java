package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axdse.multipliers.util.BadInputException;

/** The multiplier file formats axdse reads and writes, detected by file extension. */
public enum FileFormat {
  /** TFApprox lookup table: {@code 2^(8+N)} little-endian uint16 (int16 when signed), index {@code (a << N) | w}. */
  BIN("bin"),
  /** Product table as text: rows {@code a,w,product}, or a {@code 256 x 2^N} matrix. */
  CSV("csv"),
  /** Product table as a NumPy array. */
  NPY("npy"),
  /** Structural Verilog netlist. */
  VERILOG("v");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** The extension without a dot, e.g. {@code bin}. */
  public String extension() {
    return extension;
  }

  /** Whether this format carries a circuit rather than only a table. */
  public boolean hasNetlist() {
    return this == VERILOG;
  }

  /** The format of {@code file} by its extension (case-insensitive). */
  public static FileFormat of(Path file) {
    FileFormat f = ofOrNull(file);
    if (f == null) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "no extension" : "unknown extension '" + name.substring(dot) + "'";
      throw BadInputException.in(file, ext + "; expected one of " + extensions());
    }
    return f;
  }

  /** The format of {@code file}, or null when its extension is not a multiplier format. */
  public static FileFormat ofOrNull(Path file) {
    if (file.getFileName() == null) {
      return null;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (name.endsWith("." + f.extension) && name.length() > f.extension.length() + 1) {
        return f;
      }
    }
    return null;
  }

  /** A format by its extension or name ({@code bin}, {@code csv}, {@code npy}, {@code v}, {@code verilog}). */
  public static FileFormat ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    for (FileFormat f : values()) {
      if (f.extension.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
        return f;
      }
    }
    throw new BadInputException("unknown multiplier file format '" + name + "'; expected one of " + extensions());
  }

  /** The base name of {@code file}: its name without the extension. */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String extensions() {
    return Arrays.stream(values()).map(f -> "." + f.extension).collect(Collectors.joining(", "));
  }
}
