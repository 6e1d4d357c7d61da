package org.axdse.explorer.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.results.run.RunDirectory;

/**
 * Housekeeping of a locked run directory: removing the {@code .NAME.*.tmp} files a killed atomic write left
 * behind (they never replaced their target, so they hold nothing the run needs), and the files of a new run
 * refused before its search started.
 */
final class RunFiles {
  private RunFiles() {}

  /** Deletes stale temporary files of atomic writes in {@code dir} and its {@code checkpoint/} directory. */
  static void removeStaleTemporaries(Path dir) {
    for (Path d : List.of(dir, dir.resolve("checkpoint"))) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        for (Path p : s.filter(RunFiles::isTemporary).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw BadInputException.in(d, "cannot remove stale temporary files: " + IoProblems.problem(e));
      }
    }
  }

  /**
   * Deletes what a new run wrote before its search started ({@code run.json}, {@code search.log}, the evaluation
   * log and the {@code checkpoint/} directory), so a new run refused at setup leaves nothing behind.
   */
  static void removeNewRun(Path dir) {
    try {
      for (Path p : List.of(dir.resolve(RunDirectory.CONFIG), dir.resolve("search.log"),
          SearchRunner.evaluationLog(dir))) {
        Files.deleteIfExists(p);
      }
      removeStaleTemporaries(dir);
      Path checkpoint = dir.resolve("checkpoint");
      if (Files.isDirectory(checkpoint)) {
        try (Stream<Path> s = Files.list(checkpoint)) {
          if (s.findAny().isEmpty()) {
            Files.delete(checkpoint);
          }
        }
      }
    } catch (IOException e) {
      throw BadInputException.in(dir, "cannot remove the refused run's files: " + IoProblems.problem(e));
    }
  }

  private static boolean isTemporary(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p);
  }
}
