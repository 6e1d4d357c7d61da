package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.errormodel.LayerPrediction;

/**
 * An assignment's modelled noise: per approximable layer the noise-to-signal ratio
 * {@code nsr[l] = avg_o (mean_o^2 + var_o) / signal_o} (modelled error power of each channel against the variance
 * of its exact accumulators), and {@code total}, the sum over layers of the layer's measured logit responses: to
 * the signal its channels lose (the root mean square of their gains, {@code gain_o}, the part of the error that
 * is a multiple of the exact accumulator), to the rest of the variance
 * ({@code avg_o max(0, var_o / signal_o - gain_o^2)}, as zero-mean noise) and to its mean part (as constant
 * offsets): the predicted mean squared change of the logit codes when the layers' effects add up. A multiplier
 * that drops most of a product takes the signal away rather than adding independent noise to it; the two hurt a
 * network differently (much more in a plain chain than in a residual branch), so both are measured.
 * {@code parts[l]} is layer {@code l}'s share of {@code total} and {@code meanPart} the share that comes from the
 * channels' mean errors.
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

  /**
   * The figure of the per-layer {@code errors} and channel {@code gains} (from the error model; a null row: no
   * gain) under {@code sensitivity}.
   */
  public static NoiseFigure of(List<LayerPrediction> errors, double[][] gains, Sensitivity sensitivity) {
    return of(LayerRatios.of(errors, gains, sensitivity), sensitivity);
  }

  /** The figure of the per-layer {@code ratios} under {@code sensitivity}. */
  public static NoiseFigure of(LayerRatios ratios, Sensitivity sensitivity) {
    double[] parts = new double[ratios.layers()];
    double[] rest = ratios.rest();
    double[] lost = ratios.lost();
    double[] mean = ratios.mean();
    double total = 0;
    double meanPart = 0;
    for (int l = 0; l < parts.length; l++) {
      if (!sensitivity.describes(l)) {
        continue;
      }
      double part = sensitivity.offsetResponse(l, mean[l]);
      meanPart += part;
      parts[l] = sensitivity.noiseResponse(l, rest[l]) + sensitivity.lossResponse(l, lost[l]) + part;
      total += parts[l];
    }
    return new NoiseFigure(ratios.nsr(), parts, total, meanPart);
  }
}
