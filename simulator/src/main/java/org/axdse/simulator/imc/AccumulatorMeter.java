package org.axdse.simulator.imc;

import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;

/**
 * Adds up, per output channel, the accumulator a layer's dataflow gives the engine, including the zero-point term
 * of its own inputs: {@code acc[n][m] - zw[n] * S_a[m]}, which is the layer's {@code sum_k (a_k - za)(w_nk - zw_n)}
 * up to per-channel constants ({@code za * S_w[n]}, {@code K za zw[n]}, the bias) that are the same in every
 * network. So the sums of two networks (the exact one and an approximate one whose inputs to this layer differ)
 * can be compared, which the same-input {@link ErrorMeter} cannot do. Writes the wrapped dataflow's accumulators
 * unchanged. Integer sums: independent of batches and threads.
 */
final class AccumulatorMeter implements LayerDataflow {
  private final LayerDataflow inner;
  private final int[] zw;
  private final boolean signedInput;
  private final long[] sums;
  private long positions;

  /** {@code zw[n]}: the weight zero point of every output channel; {@code signedInput}: two's complement codes. */
  AccumulatorMeter(LayerDataflow inner, int[] zw, boolean signedInput) {
    this.inner = inner;
    this.zw = zw.clone();
    this.signedInput = signedInput;
    this.sums = new long[zw.length];
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    int m = batch * g.outHeight() * g.outWidth();
    int[] s = columnSums != null ? columnSums : new int[g.groups() * m];
    inner.conv(g, batch, input, padCode, acc, s, kernels);
    add(acc, s, m, g.groupOutChannels());
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    inner.gemm(panel, acc, kernels);
    int[] s = new int[panel.cols()];
    panel.columnSums(signedInput, s);
    add(acc, s, panel.cols(), zw.length);
  }

  private void add(int[] acc, int[] s, int m, int perGroup) {
    for (int n = 0; n < sums.length; n++) {
      long t = 0;
      int base = (n / perGroup) * m;
      for (int i = 0; i < m; i++) {
        t += acc[n * m + i] - (long) zw[n] * s[base + i];
      }
      sums[n] += t;
    }
    positions += m;
  }

  /** The per-channel sums so far. */
  long[] sums() {
    return sums.clone();
  }

  /** Output positions seen (per channel). */
  long positions() {
    return positions;
  }
}
