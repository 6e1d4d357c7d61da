package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axdse.explorer.search.SearchRunner;

/**
 * The kill half of the kill-and-resume tests: runs a search command in a separate JVM, kills it with SIGKILL once
 * its log shows {@code generations} generations (in the middle of the next one), and checks that it left a
 * checkpoint and not the file {@code unfinished} that only a finished run writes.
 */
final class KilledSearch {
  private KilledSearch() {}

  /**
   * Runs {@code main} with {@code args} (the run directory {@code run} among them) in a child JVM and kills it.
   * {@code jvmFlags} go before the class path (for example the Vector API module).
   */
  static void killAfter(Path tmp, Class<?> main, List<String> jvmFlags, List<String> args, Path run,
      int generations, long timeoutMillis, String unfinished) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(args);
    Path childLog = tmp.resolve("child.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
    try {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (generationsLogged(run) < generations && p.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the child search must still be running when it is killed: "
          + Files.readString(childLog));
      Thread.sleep(60);
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(SearchRunner.checkpointFile(run)));
    assertFalse(Files.exists(run.resolve(unfinished)), "killed before the search finished");
  }

  /** Asserts that the files {@code names} of the two run directories are equal byte for byte. */
  static void assertSameFiles(Path expected, Path actual, List<String> names) throws IOException {
    for (String f : names) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
    }
  }

  private static long generationsLogged(Path run) throws IOException {
    Path log = run.resolve("search.log");
    if (!Files.exists(log)) {
      return 0;
    }
    return Files.readAllLines(log).stream().filter(l -> l.contains(" generation ")).count();
  }
}
