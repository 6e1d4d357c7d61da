package org.axdse.results.run;

import java.nio.file.Path;
import java.util.List;

/**
 * The generation history as CSV. Columns: {@code generation, evaluations, hypervolume, elapsed_seconds}; an
 * empty hypervolume cell is NaN (not computed).
 */
public final class HistoryCsv {
  public static final List<String> COLUMNS = List.of("generation", "evaluations", "hypervolume", "elapsed_seconds");

  private HistoryCsv() {}

  public static void write(Path file, List<GenerationRecord> history) {
    CsvTables.write(file, COLUMNS, history.stream().map(g -> List.of(
        Integer.toString(g.generation()),
        Long.toString(g.evaluations()),
        CsvTables.number(g.hypervolume()),
        CsvTables.number(g.elapsedSeconds()))).toList());
  }

  public static List<GenerationRecord> read(Path file) {
    return CsvTables.read(file, COLUMNS, row -> new GenerationRecord(
        row.integer("generation"),
        row.longInteger("evaluations"),
        row.number("hypervolume"),
        row.number("elapsed_seconds")));
  }
}
