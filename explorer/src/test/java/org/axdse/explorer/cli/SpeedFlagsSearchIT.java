package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed flags reach the simulator through the whole command line ({@code axdse search} as the launcher runs
 * it, with its binding of both engines): {@code --early-stop} stops candidates, {@code --prefix-cache 0} turns the
 * cache off. The binding once swallowed both flags, and every test that built the simulator directly passed.
 */
class SpeedFlagsSearchIT {
  @TempDir Path tmp;

  private Path search(String name, String... more) {
    Path out = tmp.resolve(name);
    InProcess.Outcome o = InProcess.axdse(InProcess.bundledSearch(MixedWidthRoundTripIT.LENET, out, "--calib", "100",
        "--generations", "2", "--population", "16", "--eval-images", "500", "--final-images", "200",
        "--max-accuracy-drop", "1"), more);
    assertEquals(0, o.code(), o.err());
    return out;
  }

  private static long stopped(Path run) throws Exception {
    return Files.readAllLines(run.resolve("checkpoint/evaluations.log")).stream()
        .filter(l -> l.contains("\"n\":")).count();
  }

  private static boolean cacheReported(Path run) throws Exception {
    return Files.readString(run.resolve("search.log")).contains("resumed after a cached prefix");
  }

  @Test
  void earlyStopAndPrefixCacheTakeEffect() throws Exception {
    Path plain = search("plain");
    assertEquals(0, stopped(plain), "without --early-stop every candidate is screened in full");
    assertTrue(cacheReported(plain), "the prefix cache is on by default");

    Path early = search("early", "--early-stop");
    assertTrue(stopped(early) > 0, "--early-stop stops hopeless candidates (generation 0 has several)");

    Path off = search("off", "--prefix-cache", "0");
    assertFalse(cacheReported(off), "--prefix-cache 0 turns the cache off");
    assertEquals(Files.readString(plain.resolve("front.json")), Files.readString(off.resolve("front.json")),
        "the cache changes no figure");
  }
}
