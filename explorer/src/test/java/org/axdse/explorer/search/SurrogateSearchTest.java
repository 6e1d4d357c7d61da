package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.checkpoint.CheckpointFile;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.explorer.checkpoint.SurrogateState;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.PredictedPoint;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axdse search --surrogate} on the synthetic problem, whose estimator is imperfect but informative. */
class SurrogateSearchTest {
  @TempDir Path tmp;

  static SearchSettings settings(long seed, int generations, int threads) {
    return SearchSettings.builder().setModel("synthetic:layers=8,channels=4").setData("synthetic-data")
        .setGenerations(generations).optSeed(seed).optPopulation(16).optThreads(threads)
        .optScreeningImages(100).optSurrogate(new SurrogateOptions(10)).build();
  }

  private static SearchRunner.Outcome start(ProblemFactory f, SearchSettings s, Path dir, StopSignal stop) {
    return SearchRunnerTest.runner(f).start(s, dir, stop);
  }

  private static void assertSameRun(Path a, Path b) throws IOException {
    for (String f : List.of("points.json", "front.json", "baselines.json", PredictionsCsv.FILE)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void sameSeedGivesTheSameRunWhateverTheThreadCountAndTheSurrogateChangesTheSearch() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    start(new SyntheticProblem(), settings(7, 6, 1), a, new StopSignal());
    start(new SyntheticProblem(), settings(7, 6, 3), b, new StopSignal());
    assertSameRun(a, b);
    assertFalse(PredictionsCsv.read(a).isEmpty());

    Path plain = tmp.resolve("plain");
    SearchRunnerTest.runner(new SyntheticProblem()).start(SearchRunnerTest.settings(7, 6, 1), plain, new StopSignal());
    assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("points.json")),
        Files.readAllBytes(plain.resolve("points.json"))), "the surrogate breeds other offspring");
    assertFalse(Files.exists(plain.resolve(PredictionsCsv.FILE)), "a plain run writes no predictions");
    assertFalse(RunDirectory.of(plain).readConfig().settings().containsKey("surrogate"), "nor surrogate settings");
    assertEquals(true, RunDirectory.of(a).readConfig().settings().get("surrogate"));
  }

  @Test
  void resumedAndStoppedRunsEndAsTheUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    start(new SyntheticProblem(), settings(3, 8, 2), whole, new StopSignal());

    Path parts = tmp.resolve("parts");
    start(new SyntheticProblem(), settings(3, 3, 2), parts, new StopSignal());
    assertEquals(SearchRunner.Outcome.COMPLETE,
        SearchRunnerTest.runner(new SyntheticProblem()).resume(parts, new Budget(8, null), null, new StopSignal()));
    assertSameRun(whole, parts);

    Path stopped = tmp.resolve("stopped");
    StopSignal stop = new StopSignal();
    assertEquals(SearchRunner.Outcome.INTERRUPTED,
        start(SearchRunnerTest.stoppingAt(60, stop), settings(3, 8, 2), stopped, stop));
    assertEquals(SearchRunner.Outcome.COMPLETE,
        SearchRunnerTest.runner(new SyntheticProblem()).resume(stopped, null, null, new StopSignal()));
    assertSameRun(whole, stopped);
  }

  @Test
  void everyPointIsSimulatedAndEveryOffspringWasPredictedFirst() {
    Path dir = tmp.resolve("run");
    start(new SyntheticProblem(), settings(5, 8, 2), dir, new StopSignal());
    Map<String, Double> screening = new HashMap<>();
    Map<String, Double> fin = new HashMap<>();
    for (EvaluationRecord r : EvaluationLog.read(SearchRunner.evaluationLog(dir)).records()) {
      (r.fidelity() == Fidelity.SCREENING ? screening : fin).put(Arrays.toString(r.genome()), r.result().accuracy());
    }
    Run run = RunDirectory.of(dir).read();
    for (EvaluatedPoint p : run.points()) {
      assertEquals(screening.get(Arrays.toString(p.genome())), p.screeningAccuracy(), "point " + p.id());
    }
    for (EvaluatedPoint p : run.front()) {
      assertEquals(fin.get(Arrays.toString(p.genome())), p.finalAccuracy(), "front point " + p.id());
    }
    List<PredictedPoint> predicted = PredictionsCsv.read(dir);
    List<Integer> offspring = run.points().stream().filter(p -> p.generation() > 0).map(EvaluatedPoint::id).toList();
    assertEquals(offspring, predicted.stream().map(PredictedPoint::id).toList(),
        "every point bred by the surrogate was predicted before it was simulated, and no other");
    for (PredictedPoint p : predicted) {
      assertEquals(run.points().get(p.id()).screeningAccuracy(), p.simulated());
    }
    SurrogateState state = CheckpointFile.read(Surrogate.file(SearchRunner.checkpointFile(dir)), SurrogateState.class);
    assertEquals(9, state.estimated().size(), "one count per generation 0..8");
    long estimated = state.estimated().stream().mapToLong(Integer::longValue).sum();
    assertTrue(estimated > 3L * offspring.size(), "the brood is larger than what is simulated: " + estimated
        + " estimated for " + offspring.size() + " simulated");
  }

  @Test
  void anEngineWithoutAPredictorIsAOneLineErrorAndLeavesNoRun() {
    ProblemFactory noEstimator = request -> {
      SearchProblem p = new SyntheticProblem().open(request);
      return SearchProblem.of(p.space(), p.evaluator());
    };
    Path dir = tmp.resolve("none");
    BadInputException e = assertThrows(BadInputException.class,
        () -> start(noEstimator, settings(1, 2, 1), dir, new StopSignal()));
    assertTrue(e.getMessage().startsWith("--surrogate:") && !e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(dir));
  }

  @Test
  void aDamagedSurrogateStateIsRefusedAndChangesNothing() throws IOException {
    Path dir = tmp.resolve("damaged");
    start(new SyntheticProblem(), settings(2, 2, 1), dir, new StopSignal());
    Path state = Surrogate.file(SearchRunner.checkpointFile(dir));
    byte[] bytes = Files.readAllBytes(state);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(state, bytes);
    byte[] checkpoint = Files.readAllBytes(SearchRunner.checkpointFile(dir));
    byte[] points = Files.readAllBytes(dir.resolve("points.json"));
    BadInputException e = assertThrows(BadInputException.class, () -> SearchRunnerTest.runner(new SyntheticProblem())
        .resume(dir, new Budget(4, null), null, new StopSignal()));
    assertTrue(e.getMessage().contains(Surrogate.FILE), e.getMessage());
    assertArrayEquals(checkpoint, Files.readAllBytes(SearchRunner.checkpointFile(dir)));
    assertArrayEquals(points, Files.readAllBytes(dir.resolve("points.json")));
  }

  @Test
  void settingsKeepTheFactorAndOlderSettingsHaveNoSurrogate() {
    SearchSettings s = settings(1, 3, 1);
    assertEquals(new SurrogateOptions(10), SearchSettings.fromMap(s.toMap()).surrogate());
    Map<String, Object> old = new HashMap<>(SearchRunnerTest.settings(1, 3, 1).toMap());
    assertFalse(old.containsKey("surrogate_factor"));
    assertEquals(SurrogateOptions.OFF, SearchSettings.fromMap(old).surrogate());
    assertThrows(IllegalArgumentException.class, () -> new SurrogateOptions(1));
    assertThrows(IllegalArgumentException.class, () -> new SurrogateOptions(SurrogateOptions.MAX_FACTOR + 1));
  }
}
