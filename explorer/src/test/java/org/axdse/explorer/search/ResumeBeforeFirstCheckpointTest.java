package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped while its initial population was being evaluated (before the first checkpoint) continues with
 * {@code --resume}: generation 0 again from the settings in run.json, with the logged evaluations reused, to the
 * byte-identical front of an uninterrupted run; stale temporary files of killed writes are removed.
 */
class ResumeBeforeFirstCheckpointTest {
  @TempDir Path tmp;

  @Test
  void stoppedDuringGenerationZeroResumesToTheUninterruptedFront() throws IOException {
    Path whole = tmp.resolve("whole");
    SearchRunnerTest.runner(new SyntheticProblem()).start(SearchRunnerTest.settings(9, 4, 2), whole, new StopSignal());

    Path stopped = tmp.resolve("stopped");
    StopSignal stop = new StopSignal();
    assertEquals(SearchRunner.Outcome.INTERRUPTED,
        SearchRunnerTest.runner(SearchRunnerTest.stoppingAt(6, stop)).start(SearchRunnerTest.settings(9, 4, 2), stopped, stop));
    assertFalse(Files.exists(SearchRunner.checkpointFile(stopped)), "stopped before the first checkpoint");
    long logged = Files.readAllLines(SearchRunner.evaluationLog(stopped)).size();
    assertTrue(logged >= 1, "the evaluations done before the stop are in the log: " + logged);

    BadInputException again = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> SearchRunnerTest.runner(new SyntheticProblem()).start(SearchRunnerTest.settings(9, 4, 2), stopped,
            new StopSignal()));
    assertTrue(again.getMessage().contains("--resume"), again.getMessage());

    Path staleFront = Files.writeString(stopped.resolve(".front.json.123.tmp"), "half a fro");
    Path staleCheckpoint = Files.writeString(stopped.resolve("checkpoint").resolve(".checkpoint.json.9.tmp"), "x");
    long before = SyntheticProblem.EVALUATIONS.get();
    assertEquals(SearchRunner.Outcome.COMPLETE,
        SearchRunnerTest.runner(new SyntheticProblem()).resume(stopped, null, null, new StopSignal()));
    assertArrayEquals(Files.readAllBytes(whole.resolve("front.json")), Files.readAllBytes(stopped.resolve("front.json")));
    assertArrayEquals(Files.readAllBytes(whole.resolve("points.json")),
        Files.readAllBytes(stopped.resolve("points.json")));
    assertFalse(Files.exists(staleFront));
    assertFalse(Files.exists(staleCheckpoint));
    assertTrue(SyntheticProblem.EVALUATIONS.get() > before, "the resumed run evaluated the rest");
  }
}
