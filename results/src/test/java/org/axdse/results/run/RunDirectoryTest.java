package org.axdse.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void wholeRunRoundTrips() {
    Run run = SyntheticRun.run(3);
    RunDirectory dir = RunDirectory.of(tmp.resolve("run"));
    dir.write(run);
    Run back = dir.read();
    assertEquals(run, back);
    assertEquals(run.config().settings(), back.config().settings());
    assertTrue(Double.isNaN(back.points().get(0).finalAccuracy()), "NaN must survive as 'not evaluated'");
    assertFalse(Double.isNaN(back.front().get(0).finalAccuracy()));
  }

  @Test
  void csvRoundTripsPointsIncludingChannelsQuotingAndNaN() throws IOException {
    EvaluatedPoint perChannel = new EvaluatedPoint(7, 2, new int[] {0, 3, 1, 1},
        List.of("exact", "mit,chell"), List.of(List.of("exact", "exact"), List.of("a\"b", "mit,chell")),
        0.91, Double.NaN, 0.625, Double.NaN, 0.5, 3);
    EvaluatedPoint perLayer = SyntheticRun.point(8, 0, new int[] {4, 4, 0}, new Random(1));
    Path file = tmp.resolve("p.csv");
    PointsCsv.write(file, List.of(perChannel, perLayer));
    assertEquals(List.of(perChannel, perLayer), PointsCsv.read(file));
    String text = Files.readString(file);
    assertTrue(text.startsWith(String.join(",", PointsCsv.COLUMNS)), text);
    assertTrue(text.contains("\"exact mit,chell\""), "a cell with a comma is quoted: " + text);
  }

  @Test
  void jsonWritesNaNAsNull() throws IOException {
    RunDirectory dir = RunDirectory.of(tmp);
    dir.writePoints(List.of(SyntheticRun.point(0, 0, new int[] {1, 2}, new Random(2))));
    String json = Files.readString(dir.file(RunDirectory.POINTS_JSON));
    assertTrue(json.contains("\"final_accuracy\" : null"), json);
    assertTrue(json.contains("\"format_version\" : 1"), json);
  }

  @Test
  void missingRequiredFileIsOneLineNamingIt() {
    RunDirectory dir = RunDirectory.of(tmp);
    dir.writeConfig(SyntheticRun.config(1));
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().contains(RunDirectory.POINTS_JSON), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void corruptJsonNamesFileAndLine() throws IOException {
    RunDirectory dir = RunDirectory.of(tmp);
    dir.write(SyntheticRun.run(1));
    Path points = dir.file(RunDirectory.POINTS_JSON);
    Files.writeString(points, Files.readString(points).substring(0, 300));
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().startsWith(points + ":"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void invalidValueNamesTheFieldAndProblem() throws IOException {
    RunDirectory dir = RunDirectory.of(tmp);
    dir.write(SyntheticRun.run(1));
    Path config = dir.file(RunDirectory.CONFIG);
    Files.writeString(config, Files.readString(config).replace("\"multiplier_energy\"", "\"speed\""));
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().startsWith(config + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown metric 'speed'"), e.getMessage());

    Files.writeString(config, "{\"format_version\": 2, \"run\": {}}");
    e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().contains("format_version 2") || e.getMessage().contains("run"), e.getMessage());
  }

  @Test
  void unknownMultiplierInAPointIsRejected() {
    Run run = SyntheticRun.run(1);
    EvaluatedPoint odd = EvaluatedPoint.ofLayers(999, 0, new int[] {0}, List.of("nosuch"), 0.5, Double.NaN, 1,
        1, 1, 1);
    List<EvaluatedPoint> points = new java.util.ArrayList<>(run.points());
    points.add(odd);
    RunDirectory dir = RunDirectory.of(tmp);
    dir.write(new Run(run.config(), points, run.front(), run.history(), run.baselines(), run.timings()));
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().contains("nosuch") && e.getMessage().contains(RunDirectory.POINTS_JSON));
  }

  @Test
  void badCsvCellNamesLineAndColumn() throws IOException {
    Path file = tmp.resolve("h.csv");
    Files.writeString(file, "generation,evaluations,hypervolume,elapsed_seconds\r\n0,20,0.5,1.0\r\n1,x,0.6,2\r\n");
    BadInputException e = assertThrows(BadInputException.class, () -> HistoryCsv.read(file));
    assertEquals(file + ":3: column evaluations: not an integer: 'x'", e.getMessage());
    Files.writeString(file, "gen,evaluations\r\n");
    e = assertThrows(BadInputException.class, () -> HistoryCsv.read(file));
    assertTrue(e.getMessage().startsWith(file + ":1: expected the columns"), e.getMessage());
  }

  @Test
  void optionalFilesDefaultToEmpty() {
    Run run = SyntheticRun.run(2);
    RunDirectory dir = RunDirectory.of(tmp);
    dir.writeConfig(run.config());
    dir.writePoints(run.points());
    dir.writeFront(run.front());
    Run back = dir.read();
    assertTrue(back.history().isEmpty() && back.baselines().isEmpty());
    assertEquals(Timings.none(), back.timings());
  }

  @Test
  void missingAndUnknownFieldsAreNamed() throws IOException {
    RunDirectory dir = RunDirectory.of(tmp);
    dir.write(SyntheticRun.run(1));
    Path front = dir.file(RunDirectory.FRONT_JSON);
    Files.writeString(front, "{\"format_version\": 1, \"points\": [{\"id\": 1}]}");
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().startsWith(front + ":1: points[0]."), e.getMessage());
    assertTrue(e.getMessage().endsWith("missing field"), e.getMessage());
    Files.writeString(front, "{\"format_version\": 1, \"points\": [], \"extra\": 3}");
    e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().contains("extra: unknown field (known: format_version, points)"), e.getMessage());
  }

  @Test
  void typesObjectiveWithoutLibraryIsRejectedNamingRunJson() {
    Run run = SyntheticRun.run(1);
    var c = run.config();
    RunConfig noLibrary = new RunConfig(c.seed(), c.model(), c.dataset(), c.objectives(), c.exactMultiplier(),
        List.of(), c.layers(), c.settings());
    RunDirectory dir = RunDirectory.of(tmp);
    dir.write(new Run(noLibrary, run.points(), run.front(), run.history(), List.of(), run.timings()));
    BadInputException e = assertThrows(BadInputException.class, dir::read);
    assertTrue(e.getMessage().startsWith(dir.file(RunDirectory.CONFIG) + ": the types objective"), e.getMessage());
  }
}
