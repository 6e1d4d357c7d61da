package org.axdse.simulator.predict;

import java.util.Objects;

/**
 * A predicted top-1 (a fraction; NaN before any simulated point was fitted), the assignment's modelled noise and
 * the calibration quality of the map that made it.
 */
public record Prediction(double top1, NoiseFigure noise, CalibrationQuality quality) {
  public Prediction {
    Objects.requireNonNull(noise, "noise");
    Objects.requireNonNull(quality, "quality");
  }
}
