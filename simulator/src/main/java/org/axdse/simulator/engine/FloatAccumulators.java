package org.axdse.simulator.engine;

import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * How a float layer of the integer engine hands its sums back: a sum {@code s} of row {@code n} (in units worth
 * {@code unit[n]} real units) becomes {@code T = round(s * unit[n] / (s_in * s_w[n]))} (halves away from zero),
 * the sum in the layer's accumulator units, plus the zero-point terms the {@link Requantizer} subtracts again, so the
 * engine adds the int32 bias and requantizes as for any layer (asymmetric quantization included). Immutable.
 */
final class FloatAccumulators {
  private final double[] toAccumulator;
  private final long[] rowOffset;
  private final int[] weightZero;
  private final boolean weightsSymmetric;

  /** For layer quantization {@code q} of a {@code rows x k} weight matrix whose sums count {@code unit[n]}. */
  FloatAccumulators(LayerQuantization q, int rows, int k, double[] unit) {
    QuantParams in = q.input();
    this.toAccumulator = new double[rows];
    this.rowOffset = new long[rows];
    this.weightZero = new int[rows];
    int za = in.zeroPoint();
    for (int n = 0; n < rows; n++) {
      QuantParams pw = q.weights().paramsOf(n * k);
      toAccumulator[n] = unit[n] / (in.scale() * pw.scale());
      weightZero[n] = pw.zeroPoint();
      long rowSum = 0;
      for (int i = n * k; i < (n + 1) * k; i++) {
        rowSum += q.weights().code(i);
      }
      rowOffset[n] = za * rowSum - (long) k * za * weightZero[n];
    }
    this.weightsSymmetric = java.util.Arrays.stream(weightZero).allMatch(z -> z == 0);
  }

  /** True when every weight zero point is 0 (the column sums of the input codes are then not needed). */
  boolean weightsSymmetric() {
    return weightsSymmetric;
  }

  /** The accumulator of row {@code n} for the float sum {@code s} of a column whose code sum is {@code colSum}. */
  int of(double s, int n, int colSum) {
    long t = QuantParams.roundHalfAway(s * toAccumulator[n]) + rowOffset[n] + (long) weightZero[n] * colSum;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, t));
  }
}
