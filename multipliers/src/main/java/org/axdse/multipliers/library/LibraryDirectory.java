package org.axdse.multipliers.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.io.Sidecar;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;

/**
 * A folder of multiplier files ({@code .bin}, {@code .csv}, {@code .npy}, {@code .v}), each with an optional
 * sidecar {@code FILE.meta.json}. Loading reads every such file (hidden files and other extensions are skipped), in
 * file-name order; two files giving the same multiplier name, or a sidecar without its file, are errors. Importing
 * validates every input completely before it writes anything, then writes each sidecar and file atomically.
 */
public final class LibraryDirectory {
  private LibraryDirectory() {}

  /** Every multiplier in {@code dir}, in file-name order. */
  public static List<Multiplier> load(Path dir) {
    List<Multiplier> out = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files(dir)) {
      String fileName = file.getFileName().toString();
      if (fileName.endsWith(".meta.json")) {
        Path data = file.resolveSibling(fileName.substring(0, fileName.length() - ".meta.json".length()));
        if (!Files.isRegularFile(data) || FileFormat.ofOrNull(data) == null) {
          throw BadInputException.in(file, "sidecar without its multiplier file " + data.getFileName());
        }
        continue;
      }
      if (FileFormat.ofOrNull(file) == null) {
        continue;
      }
      Multiplier m = MultiplierFiles.read(file);
      Path other = seen.putIfAbsent(m.name(), file);
      if (other != null) {
        throw BadInputException.in(file, "multiplier name '" + m.name() + "' is also used by " + other);
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Imports {@code files} into the library {@code dir} (created when missing), the semantics of {@code axdse
   * multipliers import FILE... --into DIR}. Each file is read with its sidecar (and {@code format}, when not null,
   * as the format of table files), then stored as {@code NAME.EXT} with a sidecar {@code NAME.EXT.meta.json}:
   * copied byte for byte when {@code convertTo} is null, else converted to that format. Names must be unique
   * among the inputs and the multipliers already in {@code dir}. Returns the files written.
   */
  public static List<Path> importInto(List<Path> files, Path dir, FileFormat convertTo, MultiplierFormat format) {
    List<Multiplier> existing = Files.isDirectory(dir) ? load(dir) : List.of();
    Map<String, String> names = new HashMap<>();
    existing.forEach(m -> names.put(m.name(), dir.toString()));
    List<Path> targets = new ArrayList<>();
    List<Multiplier> read = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (Path file : files) {
      Multiplier m = MultiplierFiles.read(file, format);
      String clash = names.putIfAbsent(m.name(), file.toString());
      if (clash != null) {
        throw BadInputException.in(file, "multiplier name '" + m.name() + "' is already used by " + clash);
      }
      FileFormat target = convertTo != null ? convertTo : FileFormat.of(file);
      Path out = dir.resolve(m.name() + "." + target.extension());
      if (Files.exists(out)) {
        throw BadInputException.in(out, "already exists; remove it first to replace it");
      }
      contents.add(convertTo != null ? MultiplierFiles.encode(m, convertTo, out) : readAll(file));
      targets.add(out);
      read.add(m);
    }
    for (int i = 0; i < targets.size(); i++) {
      Sidecar.of(read.get(i)).writeFor(targets.get(i));
      AtomicFiles.write(targets.get(i), contents.get(i));
    }
    return targets;
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot read: " + e);
    }
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw BadInputException.in(dir, "not a directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw BadInputException.in(dir, "cannot list: " + e);
    }
  }
}
