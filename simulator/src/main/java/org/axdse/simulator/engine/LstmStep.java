package org.axdse.simulator.engine;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * An LSTM with integer gate products: {@code x_t W^T} (all steps at once) and {@code h_{t-1} R^T} go through the
 * tables on 8-bit codes of {@code x_t} (input parameters) and {@code h_{t-1}} (output parameters, {@code h_0} =
 * the zero point); the dequantized sums plus the float bias feed the float sigmoid/tanh gates and the float cell
 * state {@code c}; {@code h_t = o * tanh(c_t)} is quantized to a code, which is both the output and the next
 * step's recurrent operand.
 */
final class LstmStep implements Step {
  private final int index;
  private final int in;
  private final int out;
  private final int steps;
  private final int hidden;
  private final float[] bias;
  private final QuantParams ph;
  private final RecurrentGemm wx;
  private final RecurrentGemm rh;
  private double[] gx = new double[0];
  private double[] gr = new double[0];

  LstmStep(int index, LstmLayer l, LayerQuantization q, int in, int out, MultiplierFormat f) {
    this.index = index;
    this.in = in;
    this.out = out;
    this.steps = l.steps();
    this.hidden = l.hidden();
    this.bias = l.bias();
    this.ph = q.output();
    this.wx = new RecurrentGemm(q.weights(), 0, 4 * hidden, l.inputSize(), q.input(), f);
    this.rh = new RecurrentGemm(q.recurrent(), 0, 4 * hidden, hidden, ph, f);
  }

  @Override
  public void run(RunContext ctx) {
    int batch = ctx.batch();
    int hid = hidden;
    int m = batch * steps;
    if (gx.length < 4 * hid * m) {
      gx = new double[4 * hid * m];
      gr = new double[4 * hid * batch];
    }
    ErrorStatistics stats = ctx.stats == null ? null : ctx.stats[index];
    wx.run(ctx, ctx.act.read(in, false), m, ctx.tables[index], stats, gx);
    byte[] y = ctx.act.write(out);
    byte[] h = new byte[batch * hid];
    java.util.Arrays.fill(h, (byte) ph.zeroPoint());
    float[] c = new float[batch * hid];
    for (int t = 0; t < steps; t++) {
      rh.run(ctx, h, batch, ctx.tables[index], stats, gr);
      for (int b = 0; b < batch; b++) {
        int col = b * steps + t;
        for (int j = 0; j < hid; j++) {
          float i = sigmoid(gate(0, j, col, m, b, batch));
          float o = sigmoid(gate(1, j, col, m, b, batch));
          float f = sigmoid(gate(2, j, col, m, b, batch));
          float g = (float) StrictMath.tanh(gate(3, j, col, m, b, batch));
          int s = b * hid + j;
          c[s] = f * c[s] + i * g;
          byte code = (byte) ph.quantize(o * (float) StrictMath.tanh(c[s]));
          h[s] = code;
          y[col * hid + j] = code;
        }
      }
    }
  }

  private float gate(int gate, int j, int col, int m, int b, int batch) {
    int row = gate * hidden + j;
    return (float) (gx[row * m + col] + gr[row * batch + b] + bias[row]);
  }

  static float sigmoid(float v) {
    return (float) (1.0 / (1.0 + StrictMath.exp(-v)));
  }
}
