package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintAndErrorsTest {
  @TempDir Path tmp;

  private static SearchSettings.Builder base() {
    return SearchSettings.builder().setModel("synthetic:layers=6,channels=4").setData("d").setGenerations(4)
        .optPopulation(12).optThreads(2);
  }

  private static SearchRunner runner() {
    return new SearchRunner(new SyntheticProblem(), Progress.silent());
  }

  @Test
  void everyFrontPointMeetsTheAccuracyConstraint() {
    Path dir = tmp.resolve("c");
    runner().start(base().optMaxAccuracyDrop(2).build(), dir, new StopSignal());
    Run run = RunDirectory.of(dir).read();
    double exact = run.points().get(0).screeningAccuracy(); // point 0 is the all-exact seed
    assertEquals(List.of("exact"), run.points().get(0).layerMultipliers().stream().distinct().toList());
    assertFalse(run.front().isEmpty());
    for (EvaluatedPoint p : run.front()) {
      assertTrue(p.screeningAccuracy() >= exact - 0.02 - 1e-12, p.toString());
    }
    assertTrue(run.points().stream().anyMatch(p -> p.screeningAccuracy() < exact - 0.02),
        "the search did meet infeasible points, which the front leaves out");
  }

  @Test
  void corruptCheckpointIsReportedInOneLineAndLeftUntouched() throws Exception {
    Path dir = tmp.resolve("k");
    runner().start(base().build(), dir, new StopSignal());
    Path file = SearchRunner.checkpointFile(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    BadInputException e = assertThrows(BadInputException.class,
        () -> runner().resume(dir, new Budget(8, null), null, new StopSignal()));
    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void exhaustedBudgetAndOccupiedDirectoryAreErrors() {
    Path dir = tmp.resolve("b");
    runner().start(base().build(), dir, new StopSignal());
    BadInputException done = assertThrows(BadInputException.class,
        () -> runner().resume(dir, null, null, new StopSignal()));
    assertTrue(done.getMessage().contains("budget already exhausted"), done.getMessage());
    BadInputException smaller = assertThrows(BadInputException.class,
        () -> runner().resume(dir, new Budget(3, null), null, new StopSignal()));
    assertTrue(smaller.getMessage().contains("budget already exhausted"), smaller.getMessage());
    BadInputException occupied = assertThrows(BadInputException.class,
        () -> runner().start(base().build(), dir, new StopSignal()));
    assertTrue(occupied.getMessage().contains("--resume"), occupied.getMessage());
  }

  @Test
  void libraryWithoutApproximateMultiplierIsAnError() {
    BadInputException e = assertThrows(BadInputException.class, () -> runner().start(
        base().setModel("synthetic:layers=3,unsigned=true").build(), tmp.resolve("u"), new StopSignal()));
    assertTrue(e.getMessage().contains("no usable approximate multiplier"), e.getMessage());
  }

  @Test
  void evaluationsAreMemoisedAcrossTheRun() {
    long before = SyntheticProblem.EVALUATIONS.get();
    Path dir = tmp.resolve("m");
    runner().start(base().optBaselines(List.of()).build(), dir, new StopSignal());
    Run run = RunDirectory.of(dir).read();
    long evaluations = SyntheticProblem.EVALUATIONS.get() - before;
    // Screening: the reference network (not a point: the genome of the all-exact network is evaluated too, as
    // a point) and each distinct point once; final: each archive point once. Duplicates cost nothing.
    long finals = run.points().stream().filter(p -> !Double.isNaN(p.finalAccuracy())).count();
    assertEquals(1 + run.points().size() + finals, evaluations);
  }

  /**
   * Bad input found only at the reference evaluation of a new run ({@code --energy system} where the problem has
   * no system energy model) leaves no run directory behind: a failed command changes nothing on disk.
   */
  @Test
  void newRunRefusedAtItsReferenceEvaluationLeavesNothing() {
    SyntheticProblem synthetic = new SyntheticProblem();
    org.axdse.explorer.backend.ProblemFactory noSystemEnergy = request -> {
      org.axdse.explorer.backend.SearchProblem p = synthetic.open(request);
      return org.axdse.explorer.backend.SearchProblem.of(p.space(), (a, f) -> {
        org.axdse.explorer.backend.CandidateResult r = p.evaluator().evaluate(a, f);
        return new org.axdse.explorer.backend.CandidateResult(r.accuracy(), r.multiplierEnergy(), Double.NaN);
      });
    };
    Path dir = tmp.resolve("no-system-energy");
    SearchSettings settings = base().optObjectives(ObjectiveSet.parse("accuracy,energy", "system")).build();
    BadInputException e = assertThrows(BadInputException.class,
        () -> new SearchRunner(noSystemEnergy, Progress.silent()).start(settings, dir, new StopSignal()));
    assertTrue(e.getMessage().contains("--energy system"), e.getMessage());
    assertFalse(Files.exists(dir), "the refused new run leaves no directory");
    // the same settings with the multiplier energy run, so the directory was refused for the energy alone
    new SearchRunner(noSystemEnergy, Progress.silent()).start(base().build(), dir, new StopSignal());
    assertTrue(Files.exists(dir.resolve(RunDirectory.CONFIG)));
  }
}
