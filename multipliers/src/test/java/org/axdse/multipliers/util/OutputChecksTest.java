package org.axdse.multipliers.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounds of sizes, output-path checks, and AtomicFiles naming the file of a failed write. */
class OutputChecksTest {
  @TempDir Path tmp;

  @Test
  void boundsNameTheFlagAndTheBound() {
    assertEquals(12, Bounds.check("--population", 12, 4, 100));
    BadInputException big = assertThrows(BadInputException.class,
        () -> Bounds.check("--population", 2_000_000_000L, 4, Bounds.MAX_COUNT, "genomes held in memory"));
    assertEquals("--population must be <= 100000 (genomes held in memory): 2000000000", big.getMessage());
    BadInputException small = assertThrows(BadInputException.class, () -> Bounds.threads("--threads", 0));
    assertEquals("--threads must be >= 1: 0", small.getMessage());
    assertEquals(Bounds.MAX_THREADS, Bounds.threads("--threads", Bounds.MAX_THREADS));
    assertThrows(BadInputException.class, () -> Bounds.threads("--threads", Bounds.MAX_THREADS + 1));
  }

  @Test
  void outputPathsOfTheWrongKindAreRefusedBeforeAnyWrite() throws IOException {
    Path file = Files.writeString(tmp.resolve("hostname"), "x");
    Path dir = Files.createDirectories(tmp.resolve("dir"));
    assertEquals(file + ": is a file (expected a directory to write)",
        assertThrows(BadInputException.class, () -> OutputPaths.checkDirectory(file)).getMessage());
    assertEquals(dir + ": is a directory (expected a file to write)",
        assertThrows(BadInputException.class, () -> OutputPaths.checkFile(dir)).getMessage());
    Path under = file.resolve("out.json");
    assertEquals(under + ": " + file + " is not a directory",
        assertThrows(BadInputException.class, () -> OutputPaths.checkFile(under)).getMessage());
    OutputPaths.checkFile(dir.resolve("new").resolve("out.json"));
    OutputPaths.checkRunDirectory(dir, d -> false);
    Files.writeString(dir.resolve("notes.txt"), "y");
    assertTrue(assertThrows(BadInputException.class, () -> OutputPaths.checkRunDirectory(dir, d -> false))
        .getMessage().contains("not empty"));
    OutputPaths.checkRunDirectory(dir, d -> true);
    assertFalse(Files.exists(dir.resolve("new")), "checks create nothing");
  }

  @Test
  void aFailedAtomicWriteNamesTheFileAndLeavesNoTemporary() throws IOException {
    Path target = tmp.resolve("front.json");
    Files.writeString(target, "old");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
      out.write('{');
      throw new FileSystemException(null, null, "No space left on device");
    }));
    assertEquals(target + ": no space left on device", e.getMessage());
    assertEquals("old", Files.readString(target));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no temporary file is left behind");
    }
  }
}
