package org.axdse.results.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluated points as CSV, one row per point. Columns: {@code id, generation, screening_accuracy,
 * final_accuracy, multiplier_energy, system_energy, area, types, genome, layer_multipliers,
 * channel_multipliers}. Numbers are plain decimals (accuracies as fractions), an empty number cell is NaN (not
 * evaluated); {@code genome} is the genes separated by spaces; {@code layer_multipliers} the layer multipliers
 * separated by spaces; {@code channel_multipliers} is empty for per-layer points, else the layers separated by
 * ';', each the channel multipliers separated by spaces; {@code weight_memory} (last; empty when not computed,
 * absent from files written before it, which still read) the weight bits relative to 8-bit weights; {@code
 * latency} (after it, likewise optional) the cycles per image relative to the exact network.
 */
public final class PointsCsv {
  public static final List<String> COLUMNS = List.of("id", "generation", "screening_accuracy", "final_accuracy",
      "multiplier_energy", "system_energy", "area", "types", "genome", "layer_multipliers", "channel_multipliers", "weight_memory",
      "latency");
  private static final List<String> COLUMNS_BEFORE_LATENCY = COLUMNS.subList(0, COLUMNS.size() - 1);
  private static final List<String> COLUMNS_BEFORE_MEMORY = COLUMNS.subList(0, COLUMNS.size() - 2);

  private PointsCsv() {}

  public static void write(Path file, List<EvaluatedPoint> points) {
    List<List<String>> rows = new ArrayList<>(points.size());
    for (EvaluatedPoint p : points) {
      rows.add(List.of(
          Integer.toString(p.id()),
          Integer.toString(p.generation()),
          CsvTables.number(p.screeningAccuracy()),
          CsvTables.number(p.finalAccuracy()),
          CsvTables.number(p.multiplierEnergy()),
          CsvTables.number(p.systemEnergy()),
          CsvTables.number(p.area()),
          Integer.toString(p.types()),
          String.join(" ", Arrays.stream(p.genome()).mapToObj(Integer::toString).toList()),
          String.join(" ", p.layerMultipliers()),
          String.join(";", p.channelMultipliers().stream().map(l -> String.join(" ", l)).toList()),
          CsvTables.number(p.weightMemory()),
          CsvTables.number(p.latency())));
    }
    CsvTables.write(file, COLUMNS, rows);
  }

  /** Reads a file written by {@link #write}; bad content fails with one line naming the file and line. */
  public static List<EvaluatedPoint> read(Path file) {
    return CsvTables.readAny(file, List.of(COLUMNS, COLUMNS_BEFORE_LATENCY, COLUMNS_BEFORE_MEMORY), row -> new EvaluatedPoint(
        row.integer("id"),
        row.integer("generation"),
        genome(row.text("genome")),
        words(row.text("layer_multipliers")),
        channels(row.text("channel_multipliers")),
        row.number("screening_accuracy"),
        row.number("final_accuracy"),
        row.number("multiplier_energy"),
        row.number("system_energy"),
        row.number("area"),
        row.integer("types"),
        row.has("weight_memory") ? row.number("weight_memory") : Double.NaN,
        row.has("latency") ? row.number("latency") : Double.NaN));
  }

  private static int[] genome(String cell) {
    List<String> genes = words(cell);
    int[] g = new int[genes.size()];
    for (int i = 0; i < g.length; i++) {
      try {
        g[i] = Integer.parseInt(genes.get(i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column genome: not an integer: '" + genes.get(i) + "'");
      }
    }
    return g;
  }

  private static List<List<String>> channels(String cell) {
    if (cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(";", -1)).map(PointsCsv::words).toList();
  }

  private static List<String> words(String cell) {
    String s = cell.strip();
    return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
  }
}
