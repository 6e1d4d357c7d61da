package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axdse search --final-extra N} on the command line. */
class FinalExtraFlagTest {
  @TempDir Path tmp;

  private static InProcess.Outcome run(String... args) {
    return InProcess.search(new SyntheticProblem(), args);
  }

  private static String[] search(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("--model", "synthetic:layers=5,channels=3", "--data", "d",
        "--out", out.toString(), "--generations", "3", "--population", "8", "--threads", "1",
        "--max-accuracy-drop", "10", "--baselines", "none"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private static long finals(Path run) {
    return RunDirectory.of(run).read().points().stream().filter(p -> !Double.isNaN(p.finalAccuracy())).count();
  }

  @Test
  void theDefaultEvaluatesMorePointsAtFinalFidelityThanTheArchiveAlone() {
    Path plain = tmp.resolve("plain");
    Path dflt = tmp.resolve("default");
    assertEquals(0, run(search(plain, "--final-extra", "0")).code());
    assertEquals(0, run(search(dflt)).code());
    assertEquals(32, ((Number) RunDirectory.of(dflt).readConfig().settings().get("final_extra")).intValue());
    assertFalse(RunDirectory.of(plain).readConfig().settings().containsKey("final_extra"));
    long feasibleOutside = RunDirectory.of(dflt).read().points().size() - finals(plain);
    assertTrue(finals(dflt) > finals(plain), finals(dflt) + " final evaluations, archive alone " + finals(plain));
    assertTrue(finals(dflt) - finals(plain) <= Math.min(32, feasibleOutside));
    for (EvaluatedPoint p : RunDirectory.of(dflt).read().front()) {
      assertFalse(Double.isNaN(p.finalAccuracy()));
    }
  }

  @Test
  void aNegativeCountAndAChangeOnResumeAreOneLineErrors() {
    Path out = tmp.resolve("bad");
    InProcess.oneLine(run(search(out, "--final-extra", "-1")), "--final-extra must be >= 0");
    assertFalse(Files.exists(out), "nothing written");
    Path done = tmp.resolve("done");
    assertEquals(0, run(search(done)).code());
    InProcess.oneLine(run("--resume", done.toString(), "--final-extra", "4"), "--final-extra cannot be changed");
  }
}
