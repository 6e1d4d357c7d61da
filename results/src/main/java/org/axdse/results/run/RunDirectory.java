package org.axdse.results.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;

/**
 * A run directory on disk. Layout (every file written atomically, format version 1):
 *
 * <pre>
 * run.json        {"format_version": 1, "run": RunConfig}                    required
 * points.json     {"format_version": 1, "points": [EvaluatedPoint...]}       required: every evaluated point
 * points.csv      the same points as CSV ({@link PointsCsv})                  for spreadsheets; not read back
 * front.json      {"format_version": 1, "points": [...]}                     required: the reported front
 * front.csv       the front as CSV                                            for spreadsheets; not read back
 * history.csv     generation, evaluations, hypervolume, elapsed_seconds      optional ({@link HistoryCsv})
 * baselines.json  {"format_version": 1, "baselines": [Baseline...]}          optional
 * timings.json    {"format_version": 1, "timings": Timings}                  optional
 * report.html, plots/                                                          written by {@code axdse report}
 * </pre>
 *
 * The search writes these through this class as it goes; the report reads them back with {@link #read()}.
 */
public final class RunDirectory {
  public static final String CONFIG = "run.json";
  public static final String POINTS_JSON = "points.json";
  public static final String POINTS_CSV = "points.csv";
  public static final String FRONT_JSON = "front.json";
  public static final String FRONT_CSV = "front.csv";
  public static final String HISTORY = "history.csv";
  public static final String BASELINES = "baselines.json";
  public static final String TIMINGS = "timings.json";

  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** The run directory at {@code dir} (created on the first write). */
  public static RunDirectory of(Path dir) {
    return new RunDirectory(Objects.requireNonNull(dir, "dir"));
  }

  public Path path() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  public void writeConfig(RunConfig config) {
    RunJson.write(file(CONFIG), new RunJson.RunFile(RunJson.FORMAT_VERSION, config));
  }

  /** Writes every evaluated point as JSON and CSV. */
  public void writePoints(List<EvaluatedPoint> points) {
    RunJson.write(file(POINTS_JSON), new RunJson.PointsFile(RunJson.FORMAT_VERSION, points));
    PointsCsv.write(file(POINTS_CSV), points);
  }

  /** Writes the front as JSON and CSV. */
  public void writeFront(List<EvaluatedPoint> front) {
    RunJson.write(file(FRONT_JSON), new RunJson.PointsFile(RunJson.FORMAT_VERSION, front));
    PointsCsv.write(file(FRONT_CSV), front);
  }

  public void writeHistory(List<GenerationRecord> history) {
    HistoryCsv.write(file(HISTORY), history);
  }

  public void writeBaselines(List<Baseline> baselines) {
    RunJson.write(file(BASELINES), new RunJson.BaselinesFile(RunJson.FORMAT_VERSION, baselines));
  }

  public void writeTimings(Timings timings) {
    RunJson.write(file(TIMINGS), new RunJson.TimingsFile(RunJson.FORMAT_VERSION, timings));
  }

  /** Writes every file of {@code run}. */
  public void write(Run run) {
    writeConfig(run.config());
    writePoints(run.points());
    writeFront(run.front());
    writeHistory(run.history());
    writeBaselines(run.baselines());
    writeTimings(run.timings());
  }

  public RunConfig readConfig() {
    return RunJson.read(file(CONFIG), RunJson.RunFile.class).run();
  }

  public List<EvaluatedPoint> readPoints() {
    return RunJson.read(file(POINTS_JSON), RunJson.PointsFile.class).points();
  }

  public List<EvaluatedPoint> readFront() {
    return RunJson.read(file(FRONT_JSON), RunJson.PointsFile.class).points();
  }

  /** The history, or an empty list when the run wrote none. */
  public List<GenerationRecord> readHistory() {
    return Files.exists(file(HISTORY)) ? HistoryCsv.read(file(HISTORY)) : List.of();
  }

  /** The baselines, or an empty list when the run wrote none. */
  public List<Baseline> readBaselines() {
    return Files.exists(file(BASELINES))
        ? RunJson.read(file(BASELINES), RunJson.BaselinesFile.class).baselines()
        : List.of();
  }

  /** The timings, or {@link Timings#none()} when the run wrote none. */
  public Timings readTimings() {
    return Files.exists(file(TIMINGS))
        ? RunJson.read(file(TIMINGS), RunJson.TimingsFile.class).timings()
        : Timings.none();
  }

  /**
   * Reads the whole run. Fails with one line naming the file when a required file is missing or malformed, when
   * a point uses a multiplier the run's library (when listed) does not have, when the objectives cannot be
   * normalised (types without a library), or when the points are inconsistent ({@link RunChecks}).
   */
  public Run read() {
    if (!Files.isDirectory(dir)) {
      throw BadInputException.in(dir, "not a run directory");
    }
    RunConfig config = readConfig();
    try {
      Normalization.standard(config);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file(CONFIG), e.getMessage());
    }
    List<EvaluatedPoint> points = readPoints();
    List<EvaluatedPoint> front = readFront();
    List<Baseline> baselines = readBaselines();
    checkNames(config, points, file(POINTS_JSON));
    checkNames(config, front, file(FRONT_JSON));
    RunChecks.checkPoints(config, points, file(POINTS_JSON));
    RunChecks.checkPoints(config, front, file(FRONT_JSON));
    RunChecks.checkFrontInPoints(front, points, file(FRONT_JSON));
    for (Baseline b : baselines) {
      checkNames(config, b.points(), file(BASELINES));
    }
    return new Run(config, points, front, readHistory(), baselines, readTimings());
  }

  private static void checkNames(RunConfig config, List<EvaluatedPoint> points, Path file) {
    if (config.multipliers().isEmpty()) {
      return;
    }
    for (EvaluatedPoint p : points) {
      List<String> names = new ArrayList<>(p.layerMultipliers());
      p.channelMultipliers().forEach(names::addAll);
      for (String name : names) {
        if (config.multiplier(name) == null) {
          throw BadInputException.in(file, "point " + p.id() + " uses multiplier " + name
              + ", which the library in " + CONFIG + " does not list");
        }
      }
    }
  }
}
