package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerPrediction;

/**
 * An assignment's modelled noise: per approximable layer the noise-to-signal ratio
 * {@code nsr[l] = avg_o (mean_o^2 + var_o) / signal_o} (modelled error power of each channel against the variance
 * of its exact accumulators), and their sum weighted by the layers' sensitivities, {@code total}: the predicted
 * mean squared change of the logit codes under the additive-noise assumption.
 */
public record NoiseFigure(double[] nsr, double total) {
  public NoiseFigure {
    nsr = nsr.clone();
    if (!(total >= 0)) {
      throw new IllegalArgumentException("total " + total);
    }
  }

  @Override
  public double[] nsr() {
    return nsr.clone();
  }

  /** The figure of the per-layer {@code errors} (from the error model) under {@code sensitivity}. */
  public static NoiseFigure of(List<LayerPrediction> errors, Sensitivity sensitivity) {
    double[] nsr = new double[sensitivity.layers()];
    double total = 0;
    for (LayerPrediction p : errors) {
      int l = p.index();
      if (!sensitivity.describes(l)) {
        continue;
      }
      ChannelMoments m = p.channels();
      double sum = 0;
      double floor = floor(sensitivity, l);
      for (int o = 0; o < m.channels(); o++) {
        double power = m.mean(o) * m.mean(o) + m.variance(o);
        sum += power / Math.max(sensitivity.signal(l, o), floor);
      }
      nsr[l] = sum / m.channels();
      total += sensitivity.weight(l) * nsr[l];
    }
    return new NoiseFigure(nsr, total);
  }

  /** A dead channel (no spread) counts against the layer's mean spread, not against zero. */
  private static double floor(Sensitivity s, int l) {
    double mean = 0;
    int n = s.signal()[l].length;
    for (int o = 0; o < n; o++) {
      mean += s.signal(l, o) / n;
    }
    return Math.max(mean * 1e-3, 1e-9);
  }
}
