package org.axdse.results.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code predictions.csv} of a surrogate-assisted search: one row per point simulated on the surrogate's advice,
 * columns {@code id, generation, predicted_accuracy, simulated_accuracy} (screening accuracies as fractions).
 * Optional: plain searches and older runs have none.
 */
public final class PredictionsCsv {
  public static final String FILE = "predictions.csv";
  public static final List<String> COLUMNS = List.of("id", "generation", "predicted_accuracy",
      "simulated_accuracy");

  private PredictionsCsv() {}

  public static void write(Path runDir, List<PredictedPoint> points) {
    CsvTables.write(runDir.resolve(FILE), COLUMNS, points.stream().map(p -> List.of(
        Integer.toString(p.id()),
        Integer.toString(p.generation()),
        CsvTables.number(p.predicted()),
        CsvTables.number(p.simulated()))).toList());
  }

  /** The predictions of the run in {@code runDir}, or an empty list when it has none. */
  public static List<PredictedPoint> read(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    return CsvTables.read(file, COLUMNS, row -> new PredictedPoint(row.integer("id"), row.integer("generation"),
        row.number("predicted_accuracy"), row.number("simulated_accuracy")));
  }
}
