package org.axdse.explorer.training.graph;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository (bundled models and data) for the graph tests. */
final class GraphFixtures {
  private GraphFixtures() {}

  static Path repo(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("axdse")) && Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
