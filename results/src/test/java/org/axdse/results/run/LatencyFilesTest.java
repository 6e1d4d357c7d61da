package org.axdse.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency of points (IMC target) travels through points.csv and points.json and is a metric; run files
 * written before it (no {@code latency} column or field) still read, with latency NaN.
 */
class LatencyFilesTest {
  @TempDir Path dir;

  private static EvaluatedPoint point(int id, double latency) {
    return new EvaluatedPoint(id, 0, new int[] {id, 1}, List.of("p8-s4-a9", "p6-s3-a7"), List.of(), 0.9, 0.8,
        0.5, 0.5, Double.NaN, 2, Double.NaN, latency);
  }

  @Test
  void csvKeepsLatencyAndReadsTheOlderLayouts() throws Exception {
    Path f = dir.resolve("points.csv");
    List<EvaluatedPoint> ps = List.of(point(0, 0.3125), point(1, Double.NaN));
    PointsCsv.write(f, ps);
    assertEquals(ps, PointsCsv.read(f));
    StringBuilder old = new StringBuilder();
    for (String line : Files.readAllLines(f)) {
      old.append(line, 0, line.lastIndexOf(',')).append('\n');
    }
    Files.writeString(f, old);
    assertTrue(Files.readAllLines(f).get(0).endsWith("weight_memory"));
    EvaluatedPoint back = PointsCsv.read(f).get(0);
    assertTrue(Double.isNaN(back.latency()), "no column: NaN");
    assertEquals(List.of("p8-s4-a9", "p6-s3-a7"), back.layerMultipliers());
  }

  @Test
  void jsonKeepsLatencyAndReadsFilesWithoutIt() throws Exception {
    RunDirectory d = RunDirectory.of(dir);
    List<EvaluatedPoint> ps = List.of(point(0, 0.25));
    d.writePoints(ps);
    assertEquals(ps, d.readPoints());
    assertEquals(0.25, Metric.LATENCY.value(d.readPoints().get(0)));
    Path json = d.file(RunDirectory.POINTS_JSON);
    String text = Files.readString(json);
    assertTrue(text.contains("\"latency\" : 0.25"), text);
    Files.writeString(json, text.replace(",\n    \"latency\" : 0.25", ""));
    EvaluatedPoint back = d.readPoints().get(0);
    assertTrue(Double.isNaN(back.latency()));
    assertEquals(0.9, back.screeningAccuracy());
  }

  @Test
  void latencyIsAMinimisedMetricWithAKey() {
    assertEquals(Metric.LATENCY, Metric.parse("latency"));
    assertTrue(!Metric.LATENCY.isAccuracy());
  }
}
