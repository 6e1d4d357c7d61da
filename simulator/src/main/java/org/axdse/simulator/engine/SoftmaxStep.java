package org.axdse.simulator.engine;

import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.quant.QuantParams;

/**
 * Softmax in float on dequantized codes, quantized again with the output parameters: the one layer the engine
 * computes in float besides the recurrent cells. (A final softmax does not change the top-k, so evaluations rank
 * its input codes instead.)
 */
final class SoftmaxStep implements Step {
  private final int in;
  private final int out;
  private final int per;
  private final int outer;
  private final int len;
  private final int inner;
  private final QuantParams pi;
  private final QuantParams po;

  SoftmaxStep(SoftmaxLayer l, int in, int out, QuantParams pi, QuantParams po) {
    this.in = in;
    this.out = out;
    Shape s = l.input().shape();
    this.per = s.size();
    this.outer = s.size(0, l.axis());
    this.len = l.toEnd() ? s.size(l.axis(), s.rank()) : s.dim(l.axis());
    this.inner = l.toEnd() ? 1 : s.size(l.axis() + 1, s.rank());
    this.pi = pi;
    this.po = po;
  }

  @Override
  public void run(RunContext ctx) {
    byte[] x = ctx.act.read(in, false);
    byte[] y = ctx.act.write(out);
    ctx.forChunks(ctx.batch(), 1, (from, to) -> {
      double[] e = new double[len];
      for (int b = from; b < to; b++) {
        for (int a = 0; a < outer; a++) {
          for (int c = 0; c < inner; c++) {
            int base = b * per + a * len * inner + c;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < len; i++) {
              e[i] = pi.dequantize(LutStep.value(x[base + i * inner], pi));
              max = Math.max(max, e[i]);
            }
            double sum = 0;
            for (int i = 0; i < len; i++) {
              e[i] = StrictMath.exp(e[i] - max);
              sum += e[i];
            }
            for (int i = 0; i < len; i++) {
              y[base + i * inner] = (byte) po.quantize(e[i] / sum);
            }
          }
        }
      }
    });
  }
}
