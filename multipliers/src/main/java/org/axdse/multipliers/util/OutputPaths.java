package org.axdse.multipliers.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Checks of output paths made before any long work, so that {@code --out /etc/hostname} fails at once in one line
 * naming the path, not after minutes of calibration: the path is of the right kind when it exists, and the
 * nearest existing ancestor is a writable directory (the one the output would be created in).
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** {@code file} can be written as a file: it is not a directory and its directory can be created and written. */
  public static void checkFile(Path file) {
    if (Files.isDirectory(file)) {
      throw BadInputException.in(file, "is a directory (expected a file to write)");
    }
    checkParent(file, file.toAbsolutePath().getParent());
  }

  /** {@code dir} is a directory, or can be created, and can be written. */
  public static void checkDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw BadInputException.in(dir, "is a file (expected a directory to write)");
    }
    checkParent(dir, dir.toAbsolutePath());
  }

  /**
   * Unless {@code force}, a one-line error naming the first of {@code files} that exists: a command that writes
   * files by name ({@code --out M2.onnx} and the files beside it) overwrites only with {@code --force}.
   */
  public static void checkNew(boolean force, Path... files) {
    for (Path file : files) {
      if (!force && Files.exists(file)) {
        throw BadInputException.in(file, "exists; give --force to overwrite it");
      }
    }
  }

  /**
   * The directory a command that reads the run in {@code runDir} writes into: {@code out} when given (checked as by
   * {@link #checkDirectory}), else the run directory itself, which must exist.
   */
  public static Path runOutput(Path runDir, Path out) {
    if (out != null) {
      checkDirectory(out);
      return out;
    }
    Path input = runDir;
    if (!Files.isDirectory(input)) {
      throw BadInputException.in(input, "not a run directory");
    }
    checkDirectory(input);
    return input;
  }

  /**
   * {@code dir} can hold a new run: a writable directory (or one that can be created) that is empty or, by
   * {@code isRun}, already holds a run (the caller decides what to do with that).
   */
  public static void checkRunDirectory(Path dir, Predicate<Path> isRun) {
    checkDirectory(dir);
    if (Files.isDirectory(dir) && !isRun.test(dir) && !isEmpty(dir)) {
      throw BadInputException.in(dir, "is not empty and holds no run; choose a new or empty directory");
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(RunLock::isLockFile);
    } catch (IOException e) {
      throw BadInputException.in(dir, "cannot list: " + IoProblems.problem(e));
    }
  }

  private static void checkParent(Path target, Path start) {
    Path p = start;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      throw BadInputException.in(target, "no existing directory to create it in");
    }
    if (!Files.isDirectory(p)) {
      throw BadInputException.in(target, p + " is not a directory");
    }
    if (!Files.isWritable(p)) {
      throw BadInputException.in(target, "cannot write in " + p + " (permission denied)");
    }
  }
}
