package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedWeights;

/**
 * One gate matrix product of a recurrent layer (rows {@code [r0, r1)} of W or R) through the tables, dequantized:
 * {@code real[g][m] = s_a * s_w[g] * (sum_k T[a][w] - zw[g] * S_a[m] - za * S_w[g] + K * za * zw[g])}, the same
 * zero-point algebra as {@link Requantizer} but ending in a real value because the gates are computed in float.
 */
final class RecurrentGemm {
  private final WeightMatrix w;
  private final RowTables exact;
  private final int r0;
  private final double[] scale;
  private final int[] zw;
  private final int[] rowConst;
  private final boolean signed;
  private final boolean cross;
  private RowTables lastFull;
  private RowTables lastSlice;

  RecurrentGemm(QuantizedWeights q, int r0, int r1, int k, QuantParams act, MultiplierFormat format) {
    int rows = r1 - r0;
    int[] values = new int[rows * k];
    for (int i = 0; i < values.length; i++) {
      values[i] = q.code(r0 * k + i);
    }
    this.w = WeightMatrix.ofValues(format, rows, k, values);
    this.exact = RowTables.ofLayer(LookupTable.exact(format), rows);
    this.r0 = r0;
    this.scale = new double[rows];
    this.zw = new int[rows];
    this.rowConst = new int[rows];
    this.signed = act.signed();
    int za = act.zeroPoint();
    boolean c = false;
    for (int g = 0; g < rows; g++) {
      QuantParams p = q.paramsOf((r0 + g) * k);
      scale[g] = act.scale() * p.scale();
      zw[g] = p.zeroPoint();
      rowConst[g] = -za * w.rowSum(g) + k * za * zw[g];
      c |= zw[g] != 0;
    }
    this.cross = c;
  }

  int rows() {
    return w.rows();
  }

  /** The rows of this product out of a layer's tables (cached for the last tables seen). */
  private RowTables slice(RowTables full) {
    if (full == null) {
      return null;
    }
    if (full != lastFull) {
      List<LookupTable> list = new ArrayList<>(w.rows());
      for (int g = 0; g < w.rows(); g++) {
        list.add(full.table(r0 + g));
      }
      lastSlice = RowTables.ofChannels(list);
      lastFull = full;
    }
    return lastSlice;
  }

  /**
   * Multiplies the {@code m} columns of {@code codes} (sample-major, {@code m x K}) and writes
   * {@code out[g * m + col]}; error statistics go to {@code stats} when it is not null.
   */
  void run(RunContext ctx, byte[] codes, int m, RowTables layerTables, ErrorStatistics stats, double[] out) {
    ActivationPanel panel = ctx.scratch.panel;
    panel.reshape(w.cols(), m);
    panel.packColumns(codes, 0);
    RowTables t = slice(layerTables);
    int rows = w.rows();
    int[] acc = ctx.scratch.acc((long) rows * m);
    ctx.kernels.gemm(panel, w, t != null ? t : exact, acc);
    if (t != null && stats != null) {
      int[] ex = ctx.scratch.exact((long) rows * m);
      ctx.kernels.gemm(panel, w, exact, ex);
      ErrorStatistics.accumulate(stats, acc, ex, rows * m, ctx.kernels);
    }
    int[] sums = null;
    if (cross) {
      sums = ctx.scratch.sums(m);
      panel.columnSums(signed, sums);
    }
    for (int g = 0; g < rows; g++) {
      for (int col = 0; col < m; col++) {
        int a = acc[g * m + col] + rowConst[g] - (sums == null ? 0 : zw[g] * sums[col]);
        out[g * m + col] = scale[g] * a;
      }
    }
  }
}
