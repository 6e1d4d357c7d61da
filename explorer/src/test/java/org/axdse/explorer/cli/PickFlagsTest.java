package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axdse pick} with a flag value it does not take: one line naming that flag and the value, nothing written. */
class PickFlagsTest {
  @TempDir Path dir;

  @Test
  void eachBadValueIsNamedBeforeTheRunIsRead() {
    String run = dir.resolve("no-run").toString();
    String out = dir.resolve("pick").toString();
    String[][] cases = {
        {"--max-accuracy-drop", "-1", "--max-accuracy-drop must be a finite number >= 0: -1.0"},
        {"--max-energy", "Infinity", "--max-energy must be a finite number >= 0: Infinity"},
        {"--max-accuracy-drop", "0.5", "--threads", "0", "--threads must be >= 1: 0"},
        {"--max-accuracy-drop", "0.5", "--limit", "-2", "--limit must be >= 0: -2"},
        {"--max-accuracy-drop", "0.5", "--retrain", "--epochs", "0", "--epochs must be >= 1: 0"},
        {"--max-accuracy-drop", "0.5", "--retrain", "--lr", "2", "--lr must be above 0 and below 1: 2.0"}};
    for (String[] c : cases) {
      String[] args = new String[c.length + 3];
      args[0] = "pick";
      args[1] = run;
      System.arraycopy(c, 0, args, 2, c.length - 1);
      args[c.length + 1] = "--out";
      args[c.length + 2] = out;
      InProcess.Outcome o = InProcess.axdse(args);
      assertEquals(2, o.code(), o.err());
      assertEquals("axdse: " + c[c.length - 1], o.err());
      assertFalse(Files.exists(Path.of(out)), c[0]);
    }
  }
}
