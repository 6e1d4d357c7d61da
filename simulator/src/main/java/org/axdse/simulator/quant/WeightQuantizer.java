package org.axdse.simulator.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * Quantizes weight tensors to N-bit codes (N = 2 to 8), per tensor or per output channel, with the clipping
 * range from any {@link RangeSelector} (min/max is the usual choice for weights), and biases to int32 at scale
 * {@code s_in * s_w}.
 */
public final class WeightQuantizer {
  private WeightQuantizer() {}

  /** One set of parameters for all of {@code weights}. */
  public static QuantizedWeights perTensor(float[] weights, int bits, QuantScheme scheme, RangeSelector range) {
    return perChannel(weights, 1, bits, scheme, range);
  }

  /**
   * One set of parameters per output channel; {@code weights} holds {@code channels} contiguous blocks of equal
   * size (see {@link QuantizedWeights}).
   */
  public static QuantizedWeights perChannel(float[] weights, int channels, int bits, QuantScheme scheme,
      RangeSelector range) {
    if (bits < 2 || bits > 8) {
      throw new IllegalArgumentException("weights must be 2 to 8 bits, got " + bits);
    }
    if (channels < 1 || weights.length == 0 || weights.length % channels != 0) {
      throw new IllegalArgumentException(weights.length + " weights cannot be split into " + channels
          + " channels");
    }
    int per = weights.length / channels;
    int[] codes = new int[weights.length];
    List<QuantParams> params = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      ActivationHistogram h = new ActivationHistogram();
      h.add(weights, c * per, per);
      QuantParams p = scheme.params(range.select(h), bits);
      params.add(p);
      for (int i = c * per; i < (c + 1) * per; i++) {
        codes[i] = p.quantize(weights[i]);
      }
    }
    return new QuantizedWeights(codes, params);
  }

  /**
   * {@code round(bias / (inputScale * weightScale))}, halves away from zero, saturated to the int32 range: the
   * bias in the accumulator's units.
   */
  public static int quantizeBias(double bias, double inputScale, double weightScale) {
    double scale = inputScale * weightScale;
    if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(bias)) {
      throw new IllegalArgumentException("cannot quantize bias " + bias + " at scale " + scale);
    }
    long q = QuantParams.roundHalfAway(bias / scale);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
  }
}
