package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.search.Budget;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work-saving options on a real search (bundled LeNet-5 and images): the run files of a search with the
 * prefix cache are byte-identical to those without it, on 1 and 2 threads, and across a checkpoint and {@code
 * --resume}; early stopping changes no figure of a point evaluated in full.
 */
class SpeedSearchIT {
  @TempDir Path tmp;

  private static SearchSettings settings(int threads, int generations) {
    Path root = LenetSearchIT.root();
    return SearchSettings.builder().setModel(root.resolve("models/lenet5.onnx").toString())
        .setData("fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000")).setGenerations(generations)
        .optPopulation(8).optSeed(11).optScreeningImages(300).optFinalImages(300).optThreads(threads)
        .optBaselines(List.of()).optMaxAccuracyDrop(2.0)
        .optQuantization(new QuantOptions(100, QuantOptions.HOLDOUT, 8, false, "")).build();
  }

  private Path search(String name, SpeedOptions speed, SearchSettings settings) {
    Path dir = tmp.resolve(name);
    assertEquals(SearchRunner.Outcome.COMPLETE, new SearchRunner(new SimulatorProblems(speed), Progress.silent())
        .start(settings, dir, new StopSignal()));
    return dir;
  }

  private static void assertSameRun(Path a, Path b, String what) throws Exception {
    for (String f : List.of("points.json", "front.json")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), what + ": " + f);
    }
  }

  /**
   * Early stopping: the same run files on 1 and 2 threads and across resume; some candidates stopped, none of
   * them in the archive; every screening evaluation that ran in full has the figures of the run without early
   * stopping wherever both evaluated the genome.
   */
  @Test
  void earlyStoppingChangesNoFigureOfAPointEvaluatedInFull() throws Exception {
    SpeedOptions es = SpeedOptions.defaults().withEarlyStopping(true);
    Path off = search("off", new SpeedOptions(0), settings(2, 2));
    Path on = search("on", es, settings(2, 2));
    Path parts = search("parts", es, settings(1, 1));
    assertEquals(SearchRunner.Outcome.COMPLETE, new SearchRunner(new SimulatorProblems(es), Progress.silent())
        .resume(parts, new Budget(2, null), 1, new StopSignal()));
    assertSameRun(on, parts, "early stopping, 2 threads vs 1 thread resumed after generation 1");
    Map<String, CandidateResult> full = new HashMap<>();
    for (EvaluationRecord r : EvaluationLog.read(on.resolve("checkpoint/evaluations.log")).records()) {
      if (r.fidelity() == Fidelity.SCREENING) {
        full.put(Arrays.toString(r.genome()), r.result());
      }
    }
    Set<String> stopped = new HashSet<>();
    full.forEach((g, r) -> {
      if (r.stopped()) {
        stopped.add(g);
      }
    });
    assertFalse(stopped.isEmpty(), "some candidates were stopped early");
    int compared = 0;
    for (EvaluationRecord r : EvaluationLog.read(off.resolve("checkpoint/evaluations.log")).records()) {
      CandidateResult mine = full.get(Arrays.toString(r.genome()));
      if (r.fidelity() == Fidelity.SCREENING && mine != null && !mine.stopped()) {
        assertEquals(r.result(), mine, "a full evaluation with early stopping on: " + Arrays.toString(r.genome()));
        compared++;
      }
    }
    // generation 0 (the all-exact and uniform seeds, random genomes) is common to both runs
    assertTrue(compared >= 4, "full evaluations compared: " + compared);
    for (EvaluatedPoint p : RunDirectory.of(on).read().front()) {
      assertFalse(stopped.contains(Arrays.toString(p.genome())), "a front point was evaluated in full: " + p);
    }
  }

  @Test
  void prefixCacheChangesNoFigureOnOneAndTwoThreadsAndAcrossResume() throws Exception {
    Path off = search("off", new SpeedOptions(0), settings(1, 3));
    Path on = search("on", SpeedOptions.defaults(), settings(2, 3));
    assertSameRun(off, on, "cache on, 2 threads vs off, 1 thread");
    Path parts = search("parts", SpeedOptions.defaults(), settings(1, 1));
    assertEquals(SearchRunner.Outcome.COMPLETE, new SearchRunner(new SimulatorProblems(SpeedOptions.defaults()),
        Progress.silent()).resume(parts, new Budget(3, null), 2, new StopSignal()));
    assertSameRun(off, parts, "cache on, resumed after generation 1");
    String log = Files.readString(on.resolve("search.log"));
    assertTrue(log.contains("prefix cache: ") && !log.contains("prefix cache: 0 of"),
        "the cache was used and reported: " + log);
  }
}
