package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerPrediction;

/**
 * An assignment's modelled error per approximable layer, each figure against the variance of the layer's exact
 * accumulators ({@code signal_o}, from the sensitivity measurement), averaged over the layer's channels: the
 * signal it loses ({@code lost[l] = sqrt(avg_o gain_o^2)}, the root mean square of the channels' gains), the rest
 * of its variance as zero-mean noise ({@code rest[l] = avg_o max(0, var_o / signal_o - gain_o^2)}) and its mean
 * part ({@code mean[l] = avg_o mean_o^2 / signal_o}); {@code nsr[l] = avg_o (var_o + mean_o^2) / signal_o}. A
 * layer the sensitivity does not describe, or that is exact, has zeros.
 */
public record LayerRatios(double[] lost, double[] rest, double[] mean, double[] nsr) {
  public LayerRatios {
    if (rest.length != lost.length || mean.length != lost.length || nsr.length != lost.length) {
      throw new IllegalArgumentException(lost.length + ", " + rest.length + ", " + mean.length + ", " + nsr.length
          + " layers");
    }
    lost = lost.clone();
    rest = rest.clone();
    mean = mean.clone();
    nsr = nsr.clone();
  }

  @Override
  public double[] lost() {
    return lost.clone();
  }

  @Override
  public double[] rest() {
    return rest.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] nsr() {
    return nsr.clone();
  }

  public int layers() {
    return lost.length;
  }

  /**
   * The ratios of the per-layer {@code errors} and channel {@code gains} (from the error model; a null row: no
   * gain) against the signal of {@code sensitivity}.
   */
  public static LayerRatios of(List<LayerPrediction> errors, double[][] gains, Sensitivity sensitivity) {
    int n = sensitivity.layers();
    double[] lost = new double[n];
    double[] rest = new double[n];
    double[] mean = new double[n];
    double[] nsr = new double[n];
    for (LayerPrediction p : errors) {
      int l = p.index();
      if (!sensitivity.describes(l)) {
        continue;
      }
      ChannelMoments m = p.channels();
      double sum = 0;
      double fromMean = 0;
      double floor = signalFloor(sensitivity, l);
      double[] gain = l < gains.length ? gains[l] : null;
      double r = 0;
      double g2 = 0;
      for (int o = 0; o < m.channels(); o++) {
        double signal = Math.max(sensitivity.signal(l, o), floor);
        double g = gain == null ? 0 : gain[o];
        sum += m.variance(o) / signal;
        r += Math.max(0, m.variance(o) / signal - g * g);
        g2 += g * g;
        fromMean += m.mean(o) * m.mean(o) / signal;
      }
      int c = m.channels();
      nsr[l] = (sum + fromMean) / c;
      rest[l] = r / c;
      lost[l] = Math.sqrt(g2 / c);
      mean[l] = fromMean / c;
    }
    return new LayerRatios(lost, rest, mean, nsr);
  }

  /**
   * The least signal a channel of layer {@code l} counts with: a dead channel (no spread) counts against the
   * layer's mean spread, not against zero.
   */
  public static double signalFloor(Sensitivity s, int l) {
    double mean = 0;
    int n = s.channels(l);
    for (int o = 0; o < n; o++) {
      mean += s.signal(l, o) / n;
    }
    return Math.max(mean * 1e-3, 1e-9);
  }
}
