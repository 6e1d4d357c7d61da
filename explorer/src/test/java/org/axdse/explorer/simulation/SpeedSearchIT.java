package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.search.Budget;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work-saving options change no figure of a real search (bundled LeNet-5 and images): the run files of a
 * search with the prefix cache are byte-identical to those without it, on 1 and 2 threads, and across a
 * checkpoint and {@code --resume}.
 */
class SpeedSearchIT {
  @TempDir Path tmp;

  private static SearchSettings settings(int threads, int generations) {
    Path root = LenetSearchIT.root();
    return SearchSettings.builder().setModel(root.resolve("models/lenet5.onnx").toString())
        .setData("fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000")).setGenerations(generations)
        .optPopulation(8).optSeed(11).optScreeningImages(200).optFinalImages(300).optThreads(threads)
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
