package org.axdse.explorer.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a path relative to the repository root by walking up from the working directory. */
final class RepoFiles {
  private RepoFiles() {}

  static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate) && Files.isRegularFile(dir.resolve("axdse"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
