package org.axdse.multipliers.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import picocli.CommandLine.Option;

/** The {@code --library DIR} option shared by every command that resolves multiplier names. */
public final class LibraryOptions {
  @Option(names = "--library", paramLabel = "DIR",
      description = "A library directory of your own multipliers (tables, netlists, sidecars); repeatable.")
  List<Path> directories = new ArrayList<>();

  /** The built-in designs plus the given directories. */
  public MultiplierCatalog catalog() {
    return directories.isEmpty() ? MultiplierCatalog.builtin() : MultiplierCatalog.withDirectories(directories);
  }
}
