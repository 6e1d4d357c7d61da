package org.axdse.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weight memory of points travels through points.csv and points.json, and run files written before it (no
 * {@code weight_memory} column or field) still read, with memory NaN.
 */
class WeightMemoryFilesTest {
  @TempDir Path dir;

  private static EvaluatedPoint point(int id, double memory) {
    return new EvaluatedPoint(id, 0, new int[] {id, 1}, List.of("a", "b"), List.of(), 0.9, 0.8, 0.5, Double.NaN,
        0.4, 2, memory);
  }

  @Test
  void csvKeepsMemoryAndReadsTheOldLayout() throws Exception {
    Path f = dir.resolve("points.csv");
    List<EvaluatedPoint> ps = List.of(point(0, 0.625), point(1, Double.NaN));
    PointsCsv.write(f, ps);
    assertEquals(ps, PointsCsv.read(f));
    List<String> lines = Files.readAllLines(f);
    StringBuilder old = new StringBuilder();
    for (String line : lines) {
      String withoutLatency = line.substring(0, line.lastIndexOf(','));
      old.append(withoutLatency, 0, withoutLatency.lastIndexOf(',')).append('\n');
    }
    Files.writeString(f, old);
    assertTrue(Files.readAllLines(f).get(0).endsWith("channel_multipliers"));
    List<EvaluatedPoint> back = PointsCsv.read(f);
    assertEquals(ps.get(0).withFinalAccuracy(0.8).genome().length, back.get(0).genome().length);
    assertTrue(Double.isNaN(back.get(0).weightMemory()), "no column: NaN");
    assertEquals(0.5, back.get(0).multiplierEnergy());
  }

  @Test
  void jsonKeepsMemoryAndReadsFilesWithoutIt() throws Exception {
    RunDirectory d = RunDirectory.of(dir);
    List<EvaluatedPoint> ps = List.of(point(0, 0.75));
    d.writePoints(ps);
    assertEquals(ps, d.readPoints());
    Path json = d.file(RunDirectory.POINTS_JSON);
    String text = Files.readString(json);
    assertTrue(text.contains("\"weight_memory\" : 0.75"), text);
    Files.writeString(json, text.replace(",\n    \"weight_memory\" : 0.75", ""));
    EvaluatedPoint back = d.readPoints().get(0);
    assertTrue(Double.isNaN(back.weightMemory()));
    assertEquals(0.9, back.screeningAccuracy());
  }
}
