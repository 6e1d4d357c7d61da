package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.quant.LayerQuantization;

/**
 * A dense layer on sample-major codes: every input row ({@code batch * rows} of them) is one GEMM column, then
 * {@link Requantizer} writes sample-major output codes.
 */
final class DenseStep implements Step {
  private final int index;
  private final int in;
  private final int out;
  private final int rowsPerSample;
  private final WeightMatrix w;
  private final RowTables exact;
  private final Requantizer rq;
  private final boolean signed;

  DenseStep(int index, DenseLayer l, LayerQuantization q, int in, int out, WeightMatrix w, RowTables exact,
      int[] range) {
    this.index = index;
    this.in = in;
    this.out = out;
    this.rowsPerSample = l.rows();
    this.w = w;
    this.exact = exact;
    this.rq = new Requantizer(q, w, range);
    this.signed = q.input().signed();
  }

  @Override
  public void run(RunContext ctx) {
    int m = ctx.batch() * rowsPerSample;
    int k = w.cols();
    int rows = w.rows();
    ActivationPanel panel = ctx.scratch.panel;
    panel.reshape(k, m);
    panel.packColumns(ctx.act.read(in, false), 0);
    RowTables chosen = ctx.tables[index];
    int[] acc = ctx.scratch.acc((long) rows * m);
    LayerDataflow flow = ctx.dataflows == null ? null : ctx.dataflows[index];
    if (flow != null) {
      flow.gemm(panel, acc, ctx.kernels);
    } else {
      ctx.kernels.gemm(panel, w, chosen != null ? chosen : exact, acc);
    }
    int[] sums = null;
    if (rq.needsColumnSums()) {
      sums = ctx.scratch.sums(m);
      panel.columnSums(signed, sums);
    }
    if (chosen != null && ctx.stats != null) {
      int[] ex = ctx.scratch.exact((long) rows * m);
      ctx.kernels.gemm(panel, w, exact, ex);
      ErrorStatistics.accumulate(ctx.stats[index], acc, ex, rows * m, ctx.kernels);
    }
    if (ctx.hook != null) {
      ctx.hook.apply(index, acc, rows, m);
    }
    rq.sampleMajor(ctx, acc, sums, rows, m, ctx.act.write(out));
  }
}
