package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.quant.LayerQuantization;

/**
 * A convolution on channel-major codes: table (or exact) sums from the kernels, padding with the input zero point,
 * then {@link Requantizer}. With error statistics on and a non-exact assignment, the exact sums are computed too.
 */
final class ConvStep implements Step {
  private final int index;
  private final int in;
  private final int out;
  private final ConvGeometry g;
  private final WeightMatrix w;
  private final RowTables exact;
  private final Requantizer rq;
  private final byte pad;

  ConvStep(int index, ConvLayer l, LayerQuantization q, int in, int out, WeightMatrix w, RowTables exact,
      int[] range) {
    this.index = index;
    this.in = in;
    this.out = out;
    var s = l.input().shape();
    var win = l.window();
    this.g = new ConvGeometry(l.inC(), s.dim(1), s.dim(2), l.outC(), win.kH(), win.kW(), win.strideH(),
        win.strideW(), win.padTop(), win.padLeft(), win.padBottom(), win.padRight(), win.dilationH(),
        win.dilationW(), l.groups());
    this.w = w;
    this.exact = exact;
    this.rq = new Requantizer(q, w, range);
    this.pad = (byte) q.input().zeroPoint();
  }

  @Override
  public void run(RunContext ctx) {
    int batch = ctx.batch();
    int m = batch * g.outHeight() * g.outWidth();
    int rows = g.outChannels();
    byte[] x = ctx.act.read(in, true);
    RowTables chosen = ctx.tables[index];
    int[] acc = ctx.scratch.acc((long) rows * m);
    int[] sums = rq.needsColumnSums() ? ctx.scratch.sums((long) g.groups() * m) : null;
    LayerDataflow flow = ctx.dataflows == null ? null : ctx.dataflows[index];
    if (flow != null) {
      flow.conv(g, batch, x, pad, acc, sums, ctx.kernels);
    } else {
      ctx.kernels.conv(g, batch, x, pad, w, chosen != null ? chosen : exact, acc, sums);
    }
    if (chosen != null && ctx.stats != null) {
      int[] ex = ctx.scratch.exact((long) rows * m);
      ctx.kernels.conv(g, batch, x, pad, w, exact, ex, null);
      ErrorStatistics.accumulate(ctx.stats[index], acc, ex, rows * m, ctx.kernels);
    }
    if (ctx.hook != null) {
      ctx.hook.apply(index, acc, rows, m);
    }
    rq.channelMajor(ctx, acc, sums, rows, m, g.groupOutChannels(), ctx.act.write(out));
  }
}
