package org.axdse.simulator.imc;

import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;

/**
 * A dataflow whose accumulators get a constant per output channel, {@code acc[n * M + m] += delta[n]}: the bias
 * correction of {@link ImcBiasCorrection}. The engine adds the layer's int32 bias to the same accumulator before
 * requantization (wrapping int32 in both places), so this equals running with {@code bias[n] + delta[n]}: the
 * correction folded into the bias, at no cost in hardware.
 */
final class BiasedDataflow implements LayerDataflow {
  private final LayerDataflow inner;
  private final int[] delta;

  BiasedDataflow(LayerDataflow inner, int[] delta) {
    this.inner = inner;
    this.delta = delta.clone();
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    inner.conv(g, batch, input, padCode, acc, columnSums, kernels);
    add(acc, batch * g.outHeight() * g.outWidth());
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    inner.gemm(panel, acc, kernels);
    add(acc, panel.cols());
  }

  private void add(int[] acc, int m) {
    for (int n = 0; n < delta.length; n++) {
      int d = delta[n];
      if (d != 0) {
        for (int i = n * m, end = i + m; i < end; i++) {
          acc[i] += d;
        }
      }
    }
  }
}
