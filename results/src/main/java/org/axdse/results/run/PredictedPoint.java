package org.axdse.results.run;

/**
 * A point of a surrogate-assisted search as the surrogate saw it: the screening accuracy it predicted before the
 * point was simulated and the screening accuracy the simulation gave (fractions in [0, 1]).
 */
public record PredictedPoint(int id, int generation, double predicted, double simulated) {
  public PredictedPoint {
    if (id < 0 || generation < 0) {
      throw new IllegalArgumentException("id and generation must be >= 0: " + id + ", " + generation);
    }
    if (!(predicted >= 0 && predicted <= 1) || !(simulated >= 0 && simulated <= 1)) {
      throw new IllegalArgumentException("accuracies must be fractions in [0, 1]: " + predicted + ", " + simulated);
    }
  }
}
