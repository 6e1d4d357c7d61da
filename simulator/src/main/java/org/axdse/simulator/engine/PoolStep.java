package org.axdse.simulator.engine;

import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.QuantParams;

/**
 * Max and average pooling on codes, plane by plane (a plane is one channel of one sample, so both layouts work).
 * Max pooling compares codes (output parameters are the input's). Average pooling sums {@code c - z_in} over the
 * window's in-bounds elements and requantizes {@code sum * s_in / (s_out * count)} with a fixed-point multiplier
 * per count, rounding half away from zero; {@code count} is the whole window or the in-bounds part
 * ({@code count_include_pad}).
 */
final class PoolStep implements Step {
  private final int in;
  private final int out;
  private final boolean channelMajor;
  private final int channels;
  private final int h;
  private final int w;
  private final int outH;
  private final int outW;
  private final Window win;
  private final boolean max;
  private final boolean includePad;
  private final QuantParams pi;
  private final QuantParams po;
  private final int[] range;
  private final FixedPointMultiplier[] byCount;

  PoolStep(PoolLayer l, int in, int out, boolean channelMajor, QuantParams pi, QuantParams po, int[] range) {
    this.in = in;
    this.out = out;
    this.channelMajor = channelMajor;
    var s = l.input().shape();
    this.channels = s.dim(0);
    this.h = s.dim(1);
    this.w = s.dim(2);
    this.outH = l.output().shape().dim(1);
    this.outW = l.output().shape().dim(2);
    this.win = l.window();
    this.max = l.pool() == PoolKind.MAX;
    this.includePad = l.countIncludePad();
    this.pi = pi;
    this.po = po;
    this.range = range;
    int full = win.kH() * win.kW();
    this.byCount = new FixedPointMultiplier[full + 1];
    for (int c = 1; c <= full; c++) {
      byCount[c] = AddStep.multiplier(pi.scale() / (po.scale() * c));
    }
  }

  @Override
  public void run(RunContext ctx) {
    byte[] x = ctx.act.read(in, channelMajor);
    byte[] y = ctx.act.write(out);
    int planes = ctx.batch() * channels;
    ctx.forChunks(planes, 4, (from, to) -> {
      for (int p = from; p < to; p++) {
        plane(x, p * h * w, y, p * outH * outW);
      }
    });
  }

  private void plane(byte[] x, int inOff, byte[] y, int outOff) {
    boolean signed = pi.signed();
    int zi = pi.zeroPoint();
    int zo = po.zeroPoint();
    int full = win.kH() * win.kW();
    int o = outOff;
    for (int oy = 0; oy < outH; oy++) {
      int y0 = oy * win.strideH() - win.padTop();
      int ya = Math.max(0, y0);
      int yb = Math.min(h, y0 + win.kH());
      for (int ox = 0; ox < outW; ox++) {
        int x0 = ox * win.strideW() - win.padLeft();
        int xa = Math.max(0, x0);
        int xb = Math.min(w, x0 + win.kW());
        int acc = max ? Integer.MIN_VALUE : 0;
        for (int iy = ya; iy < yb; iy++) {
          int row = inOff + iy * w;
          for (int ix = xa; ix < xb; ix++) {
            int v = signed ? x[row + ix] : x[row + ix] & 0xFF;
            acc = max ? Math.max(acc, v) : acc + v - zi;
          }
        }
        if (max) {
          y[o++] = (byte) acc;
        } else {
          int count = includePad ? full : (yb - ya) * (xb - xa);
          y[o++] = (byte) Math.max(range[0], Math.min(range[1], zo + byCount[count].apply(acc)));
        }
      }
    }
  }
}
