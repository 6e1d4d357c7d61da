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
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.checkpoint.CheckpointFile;
import org.axdse.explorer.checkpoint.SurrogateState;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --surrogate-rounds R}: the brood bred over R rounds on the predictor (synthetic problem). */
class SurrogateRoundsTest {
  @TempDir Path tmp;

  private static SearchSettings settings(int rounds, int generations) {
    return SearchSettings.builder().setModel("synthetic:layers=8,channels=4").setData("synthetic-data")
        .setGenerations(generations).optSeed(4).optPopulation(16).optThreads(1).optScreeningImages(100)
        .optSurrogate(new SurrogateOptions(6, rounds)).build();
  }

  private Path run(int rounds, int generations, String name) {
    Path dir = tmp.resolve(name);
    SearchRunnerTest.runner(new SyntheticProblem()).start(settings(rounds, generations), dir, new StopSignal());
    return dir;
  }

  private static List<Integer> estimated(Path dir) {
    return CheckpointFile.read(Surrogate.file(SearchRunner.checkpointFile(dir)), SurrogateState.class).estimated();
  }

  @Test
  void moreRoundsEstimateMoreGenomesFromTheSameStart() throws IOException {
    Path one = run(1, 4, "one");
    Path four = run(4, 4, "four");
    List<Integer> e1 = estimated(one);
    List<Integer> e4 = estimated(four);
    assertEquals(0, e1.get(0));
    assertEquals(0, e4.get(0));
    for (int g = 1; g <= 4; g++) {
      // one round breeds 6 * 8 = 48 offspring, so at most 48 new genomes; four rounds breed 192
      assertTrue(e1.get(g) <= 48, "generation " + g + ": " + e1.get(g));
      assertTrue(e4.get(g) > e1.get(g), "generation " + g + ": " + e4.get(g) + " vs " + e1.get(g));
    }
    List<EvaluatedPoint> p1 = RunDirectory.of(one).read().points();
    List<EvaluatedPoint> p4 = RunDirectory.of(four).read().points();
    for (int i = 0; i < 16 && i < p1.size(); i++) {
      if (p1.get(i).generation() == 0) {
        assertArrayEquals(p1.get(i).genome(), p4.get(i).genome(), "generation 0 does not use the surrogate");
      }
    }
    assertFalse(Arrays.equals(Files.readAllBytes(one.resolve("points.json")),
        Files.readAllBytes(four.resolve("points.json"))), "the rounds change the offspring");
    assertEquals(4, ((Number) RunDirectory.of(four).readConfig().settings().get("surrogate_rounds")).intValue());
  }

  @Test
  void resumingAMultiRoundRunEndsAsTheUninterruptedRun() throws IOException {
    Path whole = run(3, 5, "whole");
    Path parts = run(3, 2, "parts");
    SearchRunnerTest.runner(new SyntheticProblem()).resume(parts, new Budget(5, null), null, new StopSignal());
    for (String f : List.of("points.json", "front.json")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(parts.resolve(f)), f);
    }
  }

  @Test
  void settingsKeepTheRoundsAndSettingsWithoutThemBredOneRound() {
    SearchSettings s = settings(7, 3);
    assertEquals(new SurrogateOptions(6, 7), SearchSettings.fromMap(s.toMap()).surrogate());
    Map<String, Object> older = new HashMap<>(s.toMap());
    older.remove("surrogate_rounds");
    assertEquals(new SurrogateOptions(6, 1), SearchSettings.fromMap(older).surrogate());
    assertEquals(SurrogateOptions.DEFAULT_ROUNDS, new SurrogateOptions(10).rounds());
    assertEquals(SurrogateOptions.OFF, new SurrogateOptions(0));
    assertThrows(IllegalArgumentException.class, () -> new SurrogateOptions(10, 0));
    assertThrows(IllegalArgumentException.class, () -> new SurrogateOptions(10, SurrogateOptions.MAX_ROUNDS + 1));
    assertThrows(IllegalArgumentException.class, () -> new SurrogateOptions(0, 1));
  }
}
