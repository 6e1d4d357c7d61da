package org.axdse.simulator.imc;

import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;

/**
 * Measures a layer's accumulator error on the inputs the network gives it: writes the {@code exact} dataflow's
 * accumulators (so the network downstream runs exactly) and adds up, per output channel, how far the {@code
 * approximate} dataflow's accumulators are from them. Integer sums, so the means do not depend on the order of
 * batches or the thread count.
 */
final class ErrorMeter implements LayerDataflow {
  private final LayerDataflow exact;
  private final LayerDataflow approximate;
  private final long[] sums;
  private long positions;

  ErrorMeter(LayerDataflow exact, LayerDataflow approximate, int channels) {
    this.exact = exact;
    this.approximate = approximate;
    this.sums = new long[channels];
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    int m = batch * g.outHeight() * g.outWidth();
    int[] approx = new int[sums.length * m];
    approximate.conv(g, batch, input, padCode, approx, null, kernels);
    exact.conv(g, batch, input, padCode, acc, columnSums, kernels);
    add(acc, approx, m);
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    int m = panel.cols();
    int[] approx = new int[sums.length * m];
    approximate.gemm(panel, approx, kernels);
    exact.gemm(panel, acc, kernels);
    add(acc, approx, m);
  }

  private void add(int[] acc, int[] approx, int m) {
    for (int n = 0; n < sums.length; n++) {
      long s = 0;
      for (int i = n * m, end = i + m; i < end; i++) {
        s += (long) approx[i] - acc[i];
      }
      sums[n] += s;
    }
    positions += m;
  }

  /** The mean error (approximate minus exact) of every output channel over the positions seen; 0 if none. */
  double[] means() {
    double[] out = new double[sums.length];
    for (int n = 0; n < out.length && positions > 0; n++) {
      out[n] = (double) sums[n] / positions;
    }
    return out;
  }
}
