package org.axdse.simulator.engine;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * A GRU with integer gate products, as {@link LstmStep}: {@code x_t W^T} and {@code h_{t-1} R^T} through the
 * tables on codes; without {@code linear_before_reset} the candidate's product {@code R_h (r * h)} also goes
 * through the tables, with {@code r * h} quantized with the output parameters. Gates, candidate and the update
 * {@code h = (1 - z) * cand + z * h} are float; {@code h_t} is quantized to a code each step.
 */
final class GruStep implements Step {
  private final int index;
  private final int in;
  private final int out;
  private final int steps;
  private final int hidden;
  private final GruLayer layer;
  private final QuantParams ph;
  private final RecurrentGemm wx;
  private final RecurrentGemm rh;
  private final RecurrentGemm rCand;
  private double[] gx = new double[0];
  private double[] gr = new double[0];
  private double[] gc = new double[0];

  GruStep(int index, GruLayer l, LayerQuantization q, int in, int out, MultiplierFormat f) {
    this.index = index;
    this.in = in;
    this.out = out;
    this.layer = l;
    this.steps = l.steps();
    this.hidden = l.hidden();
    this.ph = q.output();
    this.wx = new RecurrentGemm(q.weights(), 0, 3 * hidden, l.inputSize(), q.input(), f);
    int recurrentRows = l.linearBeforeReset() ? 3 * hidden : 2 * hidden;
    this.rh = new RecurrentGemm(q.recurrent(), 0, recurrentRows, hidden, ph, f);
    this.rCand = l.linearBeforeReset() ? null : new RecurrentGemm(q.recurrent(), 2 * hidden, 3 * hidden, hidden, ph, f);
  }

  @Override
  public void run(RunContext ctx) {
    int batch = ctx.batch();
    int hid = hidden;
    int m = batch * steps;
    if (gx.length < 3 * hid * m) {
      gx = new double[3 * hid * m];
      gr = new double[3 * hid * batch];
      gc = new double[hid * batch];
    }
    ErrorStatistics stats = ctx.stats == null ? null : ctx.stats[index];
    wx.run(ctx, ctx.act.read(in, false), m, ctx.tables[index], stats, gx);
    byte[] y = ctx.act.write(out);
    byte[] h = new byte[batch * hid];
    java.util.Arrays.fill(h, (byte) ph.zeroPoint());
    float[] hf = new float[batch * hid];
    float[] z = new float[batch * hid];
    byte[] rq = new byte[batch * hid];
    float[] wb = layer.wBias();
    float[] rb = layer.rBias();
    for (int t = 0; t < steps; t++) {
      rh.run(ctx, h, batch, ctx.tables[index], stats, gr);
      for (int b = 0; b < batch; b++) {
        int col = b * steps + t;
        for (int j = 0; j < hid; j++) {
          int s = b * hid + j;
          z[s] = LstmStep.sigmoid((float) (gx[j * m + col] + wb[j] + gr[j * batch + b] + rb[j]));
          float r = LstmStep.sigmoid((float) (gx[(hid + j) * m + col] + wb[hid + j] + gr[(hid + j) * batch + b]
              + rb[hid + j]));
          if (layer.linearBeforeReset()) {
            gc[s] = r * (gr[(2 * hid + j) * batch + b] + rb[2 * hid + j]);
          } else {
            rq[s] = (byte) ph.quantize(r * hf[s]);
          }
        }
      }
      if (rCand != null) {
        double[] cand = new double[hid * batch];
        rCand.run(ctx, rq, batch, ctx.tables[index], stats, cand);
        for (int b = 0; b < batch; b++) {
          for (int j = 0; j < hid; j++) {
            gc[b * hid + j] = cand[j * batch + b] + rb[2 * hid + j];
          }
        }
      }
      for (int b = 0; b < batch; b++) {
        int col = b * steps + t;
        for (int j = 0; j < hid; j++) {
          int s = b * hid + j;
          float cand = (float) StrictMath.tanh(gx[(2 * hid + j) * m + col] + wb[2 * hid + j] + gc[s]);
          hf[s] = (1f - z[s]) * cand + z[s] * hf[s];
          byte code = (byte) ph.quantize(hf[s]);
          h[s] = code;
          hf[s] = (float) ph.dequantize(LutStep.value(code, ph));
          y[col * hid + j] = code;
        }
      }
    }
  }
}
