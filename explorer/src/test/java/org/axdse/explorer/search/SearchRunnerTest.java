package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRunnerTest {
  @TempDir Path tmp;

  static SearchSettings settings(long seed, int generations, int threads) {
    return SearchSettings.builder().setModel("synthetic:layers=8,channels=4").setData("synthetic-data")
        .setGenerations(generations).optSeed(seed).optPopulation(16).optThreads(threads)
        .optScreeningImages(100).build();
  }

  static SearchRunner runner(ProblemFactory f) {
    return new SearchRunner(f, Progress.silent());
  }

  static byte[] bytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  /** A synthetic problem that requests {@code stop} at its {@code n}-th evaluation. */
  static ProblemFactory stoppingAt(long n, StopSignal stop) {
    return SyntheticProblem.hookedAt(n, stop::requestStop);
  }

  @Test
  void sameSeedGivesByteIdenticalFrontWhateverTheThreadCount() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(SearchRunner.Outcome.COMPLETE, runner(new SyntheticProblem()).start(settings(7, 6, 1), a, new StopSignal()));
    assertEquals(SearchRunner.Outcome.COMPLETE, runner(new SyntheticProblem()).start(settings(7, 6, 3), b, new StopSignal()));
    assertArrayEquals(bytes(a.resolve("front.json")), bytes(b.resolve("front.json")));
    assertArrayEquals(bytes(a.resolve("points.json")), bytes(b.resolve("points.json")));
    assertArrayEquals(bytes(a.resolve("baselines.json")), bytes(b.resolve("baselines.json")));
    Run run = RunDirectory.of(a).read();
    assertFalse(run.front().isEmpty());
    assertEquals(7, run.history().size(), "generation 0 and 6 NSGA-II generations");
    for (EvaluatedPoint p : run.front()) {
      assertFalse(Double.isNaN(p.finalAccuracy()), "front points are re-evaluated at final fidelity");
    }
    assertEquals(List.of("uniform", "random", "greedy"), run.baselines().stream().map(x -> x.name()).toList());

    Path c = tmp.resolve("c");
    runner(new SyntheticProblem()).start(settings(8, 6, 2), c, new StopSignal());
    assertFalse(RunDirectory.of(c).read().front().isEmpty());
  }

  @Test
  void resumedRunEndsWithTheFrontOfAnUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    runner(new SyntheticProblem()).start(settings(3, 8, 2), whole, new StopSignal());

    Path parts = tmp.resolve("parts");
    runner(new SyntheticProblem()).start(settings(3, 3, 2), parts, new StopSignal());
    assertEquals(SearchRunner.Outcome.COMPLETE,
        runner(new SyntheticProblem()).resume(parts, new Budget(8, null), null, new StopSignal()));
    assertArrayEquals(bytes(whole.resolve("front.json")), bytes(parts.resolve("front.json")));
    assertArrayEquals(bytes(whole.resolve("points.json")), bytes(parts.resolve("points.json")));
  }

  @Test
  void runStoppedMidGenerationResumesToTheSameFront() throws IOException {
    Path whole = tmp.resolve("whole");
    runner(new SyntheticProblem()).start(settings(5, 6, 2), whole, new StopSignal());

    Path stopped = tmp.resolve("stopped");
    StopSignal stop = new StopSignal();
    assertEquals(SearchRunner.Outcome.INTERRUPTED, runner(stoppingAt(40, stop)).start(settings(5, 6, 2), stopped, stop));
    assertTrue(Files.exists(SearchRunner.checkpointFile(stopped)));
    long before = SyntheticProblem.EVALUATIONS.get();
    assertEquals(SearchRunner.Outcome.COMPLETE,
        runner(new SyntheticProblem()).resume(stopped, null, null, new StopSignal()));
    assertArrayEquals(bytes(whole.resolve("front.json")), bytes(stopped.resolve("front.json")));
    assertArrayEquals(bytes(whole.resolve("points.json")), bytes(stopped.resolve("points.json")));
    assertNotEquals(before, SyntheticProblem.EVALUATIONS.get());
  }
}
