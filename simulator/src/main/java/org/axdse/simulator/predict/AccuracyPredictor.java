package org.axdse.simulator.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.errormodel.ErrorModel;

/**
 * Predicts an assignment's top-1 without simulating it: the error model's per-channel moments and gains (after
 * compensation where asked) give a {@link NoiseFigure}, and an {@link AccuracyMap} fitted on simulated
 * assignments turns it into top-1. The map is refitted whenever a simulated point is added, so a search can keep
 * it current. Thread-safe.
 */
public final class AccuracyPredictor {
  private final ErrorModel errors;
  private final Sensitivity sensitivity;
  private final Function<CompensationMethod, CompensationCache> compensation;
  private final List<double[]> points = new ArrayList<>();
  private AccuracyMap map;
  private TopOneRange range;
  private CalibrationQuality quality = new CalibrationQuality(0, Double.NaN, Double.NaN, Double.NaN);

  /**
   * A predictor over {@code errors} and {@code sensitivity} (of the same quantized model); {@code compensation}
   * gives the cache of a method when a compensated assignment is asked for (called once per method).
   */
  public AccuracyPredictor(ErrorModel errors, Sensitivity sensitivity,
      Function<CompensationMethod, CompensationCache> compensation) {
    this.errors = errors;
    this.sensitivity = sensitivity;
    this.compensation = compensation;
  }

  /** The modelled noise of {@code assignment} with {@code method} (null: uncompensated). */
  public NoiseFigure noise(Assignment assignment, CompensationMethod method) {
    return NoiseFigure.of(ratios(assignment, method), sensitivity);
  }

  /** The modelled per-layer error ratios of {@code assignment} with {@code method} (null: uncompensated). */
  public LayerRatios ratios(Assignment assignment, CompensationMethod method) {
    Compensation c = method == null ? null : compensation(assignment, method);
    return LayerRatios.of(errors.predict(assignment, c), errors.gains(assignment, c), sensitivity);
  }

  /** The compensation of {@code assignment} by {@code method} (exact inputs, as the error model assumes). */
  public Compensation compensation(Assignment assignment, CompensationMethod method) {
    return compensation.apply(method).compute(assignment);
  }

  /**
   * Fixes the map's ends: chance for {@code classes} classes and the exact network's top-1 {@code exactTop1} on
   * the images the points are simulated on (without it, the worst and the best simulated point). Refits.
   */
  public synchronized void anchor(double exactTop1, int classes) {
    range = TopOneRange.of(exactTop1, classes);
    refit();
  }

  public synchronized TopOneRange range() {
    return range;
  }

  /** Adds a simulated point (its modelled noise and simulated top-1, a fraction) and refits the map. */
  public synchronized void add(NoiseFigure noise, double top1) {
    points.add(new double[] {noise.total() - noise.meanPart(), noise.meanPart(), top1});
    refit();
  }

  private void refit() {
    if (points.isEmpty()) {
      return;
    }
    double[] v = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] m = points.stream().mapToDouble(p -> p[1]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[2]).toArray();
    map = AccuracyMap.fit(v, m, y, range);
    quality = CalibrationQuality.leaveOneOut(v, m, y, range);
  }

  /** The prediction for {@code assignment} with {@code method} (null: uncompensated). */
  public Prediction predict(Assignment assignment, CompensationMethod method) {
    return predict(noise(assignment, method));
  }

  /** The prediction for an assignment whose modelled noise is {@code noise}. */
  public synchronized Prediction predict(NoiseFigure noise) {
    double top1 = map == null ? Double.NaN : map.apply(noise.total() - noise.meanPart(), noise.meanPart());
    return new Prediction(top1, noise, quality);
  }

  public synchronized CalibrationQuality quality() {
    return quality;
  }

  public synchronized int points() {
    return points.size();
  }

  public ErrorModel errors() {
    return errors;
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }
}
