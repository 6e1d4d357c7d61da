package org.axdse.explorer.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {
  @TempDir Path tmp;

  static Checkpoint sample() {
    return new Checkpoint(Map.of("seed", 3, "model", "m"), false, 2,
        List.of(new Checkpoint.Member(new int[] {1, 2, 3}, 1), new Checkpoint.Member(new int[] {0, 0, 5}, 2)),
        List.of(new Checkpoint.PointRef(0, 0), new Checkpoint.PointRef(1, 1)), List.of(1),
        List.of(new GenerationRecord(0, 1, 0.25, 0.5)), 2, 1.5);
  }

  @Test
  void checkpointRoundTripsAndDetectsEveryFlippedByte() throws Exception {
    Path f = tmp.resolve("c/checkpoint.json");
    CheckpointFile.write(f, sample());
    Checkpoint back = CheckpointFile.read(f);
    assertEquals(sample(), back);
    byte[] good = Files.readAllBytes(f);
    for (int i = 0; i < good.length; i += 7) {
      byte[] bad = good.clone();
      bad[i] ^= 0x04;
      Files.write(f, bad);
      BadInputException e = assertThrows(BadInputException.class, () -> CheckpointFile.read(f));
      assertTrue(e.getMessage().startsWith(f.toString()) && !e.getMessage().contains("\n"), e.getMessage());
      assertArrayEquals(bad, Files.readAllBytes(f), "reading never changes the file");
    }
  }

  @Test
  void logKeepsRecordsDropsATornTailAndRejectsCorruption() throws Exception {
    Path f = tmp.resolve("evaluations.log");
    EvaluationRecord a = new EvaluationRecord(Fidelity.SCREENING, new int[] {1, 2}, new CandidateResult(0.5, 0.7, Double.NaN));
    EvaluationRecord b = new EvaluationRecord(Fidelity.FINAL, new int[0], new CandidateResult(0.25, 1, 0.9));
    try (EvaluationLog log = EvaluationLog.create(f)) {
      log.append(a);
      log.append(b);
      log.sync();
    }
    assertEquals(List.of(a, b), EvaluationLog.read(f).records());
    Files.writeString(f, "0123abcd {\"f\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    EvaluationLog.Contents torn = EvaluationLog.read(f);
    assertEquals(List.of(a, b), torn.records());
    assertTrue(torn.droppedTornLine());
    try (EvaluationLog log = EvaluationLog.openForAppend(f)) {
      log.append(a);
    }
    assertEquals(List.of(a, b, a), EvaluationLog.read(f).records(), "the torn tail was cut before appending");
    String text = Files.readString(f).replaceFirst("0\\.5", "0.6");
    Files.writeString(f, text);
    BadInputException e = assertThrows(BadInputException.class, () -> EvaluationLog.read(f));
    assertTrue(e.getMessage().contains(":1: corrupt evaluation record"), e.getMessage());
  }
}
