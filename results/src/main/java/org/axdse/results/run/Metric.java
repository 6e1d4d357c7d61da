package org.axdse.results.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.axdse.results.pareto.Direction;

/** A quantity recorded for each evaluated point that a run can use as an objective or plot on an axis. */
public enum Metric {
  /** Top-1 accuracy at final fidelity when it was evaluated, else at screening fidelity. */
  ACCURACY(Direction.MAXIMIZE, "Top-1 accuracy (%)"),
  /** Top-1 accuracy at screening fidelity (the subset the search evaluates every candidate on). */
  SCREENING_ACCURACY(Direction.MAXIMIZE, "Top-1 accuracy, screening (%)"),
  /** Top-1 accuracy at final fidelity (the full test set, evaluated for the front). */
  FINAL_ACCURACY(Direction.MAXIMIZE, "Top-1 accuracy, final (%)"),
  MULTIPLIER_ENERGY(Direction.MINIMIZE, "Relative multiplier energy (exact = 1)"),
  SYSTEM_ENERGY(Direction.MINIMIZE, "Relative system energy (exact = 1)"),
  AREA(Direction.MINIMIZE, "Relative area (exact = 1)"),
  TYPES(Direction.MINIMIZE, "Distinct multiplier types"),
  /** Bits of all weights (and codebooks) relative to 8-bit weights. */
  MEMORY(Direction.MINIMIZE, "Relative weight memory (8-bit weights = 1)"),
  /** Cycles per image relative to the exact network (the IMC target: full-precision IMC = 1). */
  LATENCY(Direction.MINIMIZE, "Relative latency (full precision = 1)");

  private final Direction direction;
  private final String axisLabel;

  Metric(Direction direction, String axisLabel) {
    this.direction = direction;
    this.axisLabel = axisLabel;
  }

  /** The direction in which this metric improves. */
  public Direction direction() {
    return direction;
  }

  /** An axis label with units; accuracies are shown in percent. */
  public String axisLabel() {
    return axisLabel;
  }

  public boolean isAccuracy() {
    return direction == Direction.MAXIMIZE;
  }

  /** The metric's value for {@code p} in file units (accuracy as a fraction); NaN when not evaluated. */
  public double value(EvaluatedPoint p) {
    return switch (this) {
      case ACCURACY -> Double.isNaN(p.finalAccuracy()) ? p.screeningAccuracy() : p.finalAccuracy();
      case SCREENING_ACCURACY -> p.screeningAccuracy();
      case FINAL_ACCURACY -> p.finalAccuracy();
      case MULTIPLIER_ENERGY -> p.multiplierEnergy();
      case SYSTEM_ENERGY -> p.systemEnergy();
      case AREA -> p.area();
      case TYPES -> p.types();
      case MEMORY -> p.weightMemory();
      case LATENCY -> p.latency();
    };
  }

  /** The value as shown on a plot axis: accuracies in percent, the rest unchanged. */
  public double displayValue(EvaluatedPoint p) {
    double v = value(p);
    return isAccuracy() ? 100 * v : v;
  }

  /** The name used in files, e.g. {@code multiplier_energy}. */
  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #key()}; throws {@link IllegalArgumentException} naming the known keys otherwise. */
  @JsonCreator
  public static Metric parse(String key) {
    for (Metric m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Metric m : values()) {
      known.append(known.isEmpty() ? "" : ", ").append(m.key());
    }
    throw new IllegalArgumentException("unknown metric '" + key + "' (known: " + known + ")");
  }
}
