package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerPrediction;

/**
 * An assignment's modelled noise: per approximable layer the noise-to-signal ratio
 * {@code nsr[l] = avg_o (mean_o^2 + var_o) / signal_o} (modelled error power of each channel against the variance
 * of its exact accumulators), and {@code total}, the sum over layers of the layer's measured logit response to
 * its variance part (as zero-mean noise) and to its mean part (as constant offsets): the predicted mean squared
 * change of the logit codes when the layers' effects add up. {@code parts[l]} is layer {@code l}'s share of
 * {@code total} and {@code meanPart} the share that comes from the channels' mean errors.
 */
public record NoiseFigure(double[] nsr, double[] parts, double total, double meanPart) {
  public NoiseFigure {
    nsr = nsr.clone();
    parts = parts.clone();
    if (!(total >= 0)) {
      throw new IllegalArgumentException("total " + total);
    }
  }

  @Override
  public double[] nsr() {
    return nsr.clone();
  }

  /** Each layer's weighted contribution to {@code total}. */
  @Override
  public double[] parts() {
    return parts.clone();
  }

  /** The figure of the per-layer {@code errors} (from the error model) under {@code sensitivity}. */
  public static NoiseFigure of(List<LayerPrediction> errors, Sensitivity sensitivity) {
    double[] nsr = new double[sensitivity.layers()];
    double[] parts = new double[sensitivity.layers()];
    double total = 0;
    double meanPart = 0;
    for (LayerPrediction p : errors) {
      int l = p.index();
      if (!sensitivity.describes(l)) {
        continue;
      }
      ChannelMoments m = p.channels();
      double sum = 0;
      double fromMean = 0;
      double floor = floor(sensitivity, l);
      for (int o = 0; o < m.channels(); o++) {
        double signal = Math.max(sensitivity.signal(l, o), floor);
        sum += m.variance(o) / signal;
        fromMean += m.mean(o) * m.mean(o) / signal;
      }
      nsr[l] = (sum + fromMean) / m.channels();
      double part = sensitivity.offsetResponse(l, fromMean / m.channels());
      meanPart += part;
      parts[l] = sensitivity.noiseResponse(l, sum / m.channels()) + part;
      total += parts[l];
    }
    return new NoiseFigure(nsr, parts, total, meanPart);
  }

  /** A dead channel (no spread) counts against the layer's mean spread, not against zero. */
  private static double floor(Sensitivity s, int l) {
    double mean = 0;
    int n = s.channels(l);
    for (int o = 0; o < n; o++) {
      mean += s.signal(l, o) / n;
    }
    return Math.max(mean * 1e-3, 1e-9);
  }
}
