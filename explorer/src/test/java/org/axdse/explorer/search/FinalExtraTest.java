package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --final-extra}: feasible points beside the archive re-evaluated at final fidelity. */
class FinalExtraTest {
  @TempDir Path tmp;

  private static SearchSettings settings(int finalExtra) {
    return settings(finalExtra, 6, 2);
  }

  private static SearchSettings settings(int finalExtra, int generations, int threads) {
    return SearchSettings.builder().setModel("synthetic:layers=8,channels=4").setData("synthetic-data")
        .setGenerations(generations).optSeed(4).optPopulation(16).optThreads(threads).optScreeningImages(100)
        .optMaxAccuracyDrop(8).optBaselines(List.of()).optFinalExtra(finalExtra).build();
  }

  private static Set<Integer> finalIds(Run run) {
    return run.points().stream().filter(p -> !Double.isNaN(p.finalAccuracy())).map(EvaluatedPoint::id)
        .collect(Collectors.toSet());
  }

  @Test
  void extraPointsGetAFinalAccuracyAndTheFrontIsTakenOverThemToo() throws IOException {
    Path plain = tmp.resolve("plain");
    Path extra = tmp.resolve("extra");
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(0), plain, new StopSignal());
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(6), extra, new StopSignal());
    Run a = RunDirectory.of(plain).read();
    Run b = RunDirectory.of(extra).read();

    assertEquals(a.points().stream().map(EvaluatedPoint::screeningAccuracy).toList(),
        b.points().stream().map(EvaluatedPoint::screeningAccuracy).toList(), "the search itself is unchanged");
    Set<Integer> before = finalIds(a);
    Set<Integer> after = finalIds(b);
    assertTrue(after.containsAll(before), before + " " + after);
    assertEquals(6, after.size() - before.size(), "six more points evaluated at final fidelity");
    double least = a.points().stream().filter(p -> p.id() == 0).findFirst().orElseThrow().screeningAccuracy()
        - 0.08;
    for (EvaluatedPoint p : b.points()) {
      if (after.contains(p.id()) && !before.contains(p.id())) {
        assertTrue(p.screeningAccuracy() >= least - 1e-12, "an added point is feasible at screening: " + p.id());
      }
    }
    List<EvaluatedPoint> finals = b.points().stream().filter(p -> after.contains(p.id())).toList();
    for (EvaluatedPoint f : b.front()) {
      assertTrue(after.contains(f.id()));
      assertTrue(finals.stream().noneMatch(q -> q.finalAccuracy() >= f.finalAccuracy()
          && q.multiplierEnergy() <= f.multiplierEnergy()
          && (q.finalAccuracy() > f.finalAccuracy() || q.multiplierEnergy() < f.multiplierEnergy())),
          "front point " + f.id() + " is dominated at final fidelity");
    }
    assertTrue(b.normalization().hypervolume(b.front()) >= a.normalization().hypervolume(a.front()) - 1e-12,
        "a front over more final evaluations is at least as good");
  }

  @Test
  void theExtraPointsDoNotDependOnTheThreadCountOrOnAResume() throws IOException {
    Path one = tmp.resolve("one");
    Path three = tmp.resolve("three");
    Path resumed = tmp.resolve("resumed");
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(6, 6, 1), one, new StopSignal());
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(6, 6, 3), three, new StopSignal());
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(6, 3, 2), resumed, new StopSignal());
    SearchRunnerTest.runner(new SyntheticProblem()).resume(resumed, new Budget(6, null), null, new StopSignal());
    for (Path other : List.of(three, resumed)) {
      assertArrayEquals(SearchRunnerTest.bytes(one.resolve("front.json")),
          SearchRunnerTest.bytes(other.resolve("front.json")), other.toString());
      assertArrayEquals(SearchRunnerTest.bytes(one.resolve("points.json")),
          SearchRunnerTest.bytes(other.resolve("points.json")), other.toString());
    }
    assertEquals(finalIds(RunDirectory.of(one).read()).size(), finalIds(RunDirectory.of(resumed).read()).size());
  }

  @Test
  void theSettingIsStoredOnlyWhenUsedAndRefusedWhenNegative() {
    assertFalse(settings(0).toMap().containsKey("final_extra"), "runs made before the flag read as before");
    assertEquals(0, SearchSettings.fromMap(settings(0).toMap()).finalExtra());
    assertEquals(6, SearchSettings.fromMap(settings(6).toMap()).finalExtra());
    RuntimeException e = assertThrows(RuntimeException.class, () -> settings(-1));
    assertTrue(e.getMessage().contains("--final-extra"), e.getMessage());
  }
}
