package org.axdse.simulator.compensation;

import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedWeights;

/**
 * The mean shift a narrower weight width adds to each output channel's accumulator, against the same layer at the
 * widest width (the exact int8 reference of a mixed-width run), in the narrow layer's accumulator units:
 * {@code shift[n] = sum_k E[a_k - za] ((w_nk - zw_n) - (W_nk - ZW_n) S_n / s_n)}, with {@code w, zw, s} the narrow
 * codes, zero point and scale of channel n and {@code W, ZW, S} the widest width's. Added to the multiplier's mean
 * error, bias correction then also removes the mean shift of the narrower weights: the bias correction of weight
 * quantization of Nagel et al. ("Data-Free Quantization Through Weight Equalization and Bias Correction", ICCV
 * 2019), with the widest width's weights as the reference.
 */
final class WidthShift {
  private WidthShift() {}

  /** {@code shift[n]} of {@code narrow} against {@code widest} (same layer), from the input histograms {@code h}. */
  static double[] of(TapHistograms h, LayerQuantization narrow, LayerQuantization widest) {
    int channels = narrow.bias().length;
    double[] shift = new double[channels];
    if (h.positions() == 0) {
      return shift;
    }
    int k = h.reduction();
    int perGroup = channels / h.groups();
    QuantParams input = narrow.input();
    double[] meanInput = new double[h.groups() * k];
    long[] counts = h.counts();
    for (int g = 0; g < h.groups(); g++) {
      for (int kk = 0; kk < k; kk++) {
        int base = h.offset(g, kk);
        long sum = 0;
        for (int code = 0; code < 256; code++) {
          long c = counts[base + code];
          if (c != 0) {
            sum += c * ((input.signed() ? (byte) code : code) - (long) input.zeroPoint());
          }
        }
        meanInput[g * k + kk] = (double) sum / h.positions();
      }
    }
    QuantizedWeights w = narrow.weights();
    QuantizedWeights ref = widest.weights();
    for (int n = 0; n < channels; n++) {
      QuantParams p = w.paramsOf(n * k);
      QuantParams r = ref.paramsOf(n * k);
      double ratio = r.scale() / p.scale();
      int g = n / perGroup;
      double s = 0;
      for (int kk = 0; kk < k; kk++) {
        int i = n * k + kk;
        s += meanInput[g * k + kk] * ((w.code(i) - p.zeroPoint()) - (ref.code(i) - r.zeroPoint()) * ratio);
      }
      shift[n] = s;
    }
    return shift;
  }
}
