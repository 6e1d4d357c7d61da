package org.axdse.multipliers.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * Entry points for reading and writing one multiplier file in any {@link FileFormat}, with its optional
 * {@link Sidecar} ({@code FILE.meta.json}). The multiplier's name is the sidecar's {@code name}, else the file's base
 * name. Every problem with a file is a {@link BadInputException} naming the file (and line, where there is one);
 * writes are atomic.
 */
public final class MultiplierFiles {
  /** Largest file read, in bytes: far above any table or netlist of an 8x8 multiplier. */
  static final long MAX_FILE_BYTES = 64L << 20;

  private MultiplierFiles() {}

  /** Reads {@code file} and its sidecar, if any. */
  public static Multiplier read(Path file) {
    return read(file, null);
  }

  /**
   * Reads {@code file} and its sidecar, if any; {@code format}, when not null, overrides what the sidecar says about
   * the format (the weight width must still match a file that shows it).
   */
  public static Multiplier read(Path file, MultiplierFormat format) {
    FileFormat kind = FileFormat.of(file);
    Sidecar sidecar = Sidecar.readFor(file);
    byte[] bytes = readBytes(file);
    return parse(file, bytes, kind, sidecar, format);
  }

  /**
   * Parses the content of a multiplier file held in memory. {@code source} names it in errors and gives the
   * default name; {@code sidecar} may be {@link Sidecar#EMPTY}-like (all null) and {@code format} null.
   */
  public static Multiplier parse(Path source, byte[] bytes, FileFormat kind, Sidecar sidecar,
      MultiplierFormat format) {
    Sidecar meta = sidecar == null ? Sidecar.EMPTY : sidecar;
    FormatHint hint = FormatHint.of(format).orElse(meta.hint(Sidecar.pathOf(source)));
    String name = meta.name() != null ? meta.name() : defaultName(source);
    String description = meta.description() != null ? meta.description() : "imported from " + source.getFileName();
    Multiplier m = switch (kind) {
      case BIN -> Multiplier.ofTable(name, description, TableBinary.read(source, bytes, hint));
      case CSV -> Multiplier.ofTable(name, description, TableCsv.read(source, bytes, hint));
      case NPY -> Multiplier.ofTable(name, description, TableNpy.read(source, bytes, hint));
      case VERILOG -> {
        VerilogNetlists.Imported v = VerilogNetlists.read(source, bytes, name, hint);
        yield Multiplier.ofNetlist(name, description, v.netlist()).withPublished(v.published());
      }
    };
    FloatFormatComment.checkDeclared(source, kind, format != null ? format
        : meta.declaredFormat(Sidecar.pathOf(source)), m.format());
    return meta.applyTo(m);
  }

  /** Writes {@code m} to {@code file} in the format its extension names. */
  public static void write(Multiplier m, Path file) {
    write(m, FileFormat.of(file), file);
  }

  /**
   * Writes {@code m} to {@code file} in {@code format}, atomically. Verilog needs a netlist; a .bin file needs
   * products that fit 16 bits. The sidecar is not written (see {@link #writeWithSidecar}).
   */
  public static void write(Multiplier m, FileFormat format, Path file) {
    AtomicFiles.write(file, encode(m, format, file));
  }

  /**
   * Writes {@code m} and its sidecar (name, description, format, published figures): the sidecar first, so a crash
   * never leaves a table whose format is unknown.
   */
  public static void writeWithSidecar(Multiplier m, FileFormat format, Path file) {
    byte[] bytes = encode(m, format, file);
    Sidecar.of(m).writeFor(file);
    AtomicFiles.write(file, bytes);
  }

  /** The bytes of {@code m} in {@code format}; {@code target} names the file in errors. */
  public static byte[] encode(Multiplier m, FileFormat format, Path target) {
    ProductTable t = m.table();
    return switch (format) {
      case BIN -> TableBinary.write(t, target);
      case CSV -> TableCsv.write(t);
      case NPY -> TableNpy.write(t);
      case VERILOG -> {
        if (m.netlist() == null) {
          throw BadInputException.in(target, "multiplier '" + m.name()
              + "' has only a product table; Verilog export needs a netlist");
        }
        yield VerilogNetlists.write(m.netlist(), m.name(), m.description());
      }
    };
  }

  static byte[] readBytes(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw BadInputException.in(file, "file of " + size + " bytes is larger than the " + MAX_FILE_BYTES
            + "-byte limit for a multiplier");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  private static String defaultName(Path source) {
    String base = FileFormat.baseName(source);
    if (!base.matches("[A-Za-z0-9_.+-]+")) {
      throw BadInputException.in(source, "file name '" + base + "' is not a valid multiplier name (letters, digits,"
          + " _.+-); give a 'name' in " + Sidecar.pathOf(source).getFileName());
    }
    return base;
  }
}
