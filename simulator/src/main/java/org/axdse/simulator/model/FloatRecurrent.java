package org.axdse.simulator.model;

/** Float LSTM and GRU for one sample, following the equations in {@link LstmLayer} and {@link GruLayer}. */
final class FloatRecurrent {
  private FloatRecurrent() {}

  static void lstm(LstmLayer l, float[] in, int inOff, float[] out, int outOff) {
    int hid = l.hidden();
    int nIn = l.inputSize();
    float[] h = new float[hid];
    float[] c = new float[hid];
    float[] gates = new float[4 * hid];
    for (int t = 0; t < l.steps(); t++) {
      int x = inOff + t * nIn;
      for (int g = 0; g < 4 * hid; g++) {
        gates[g] = l.bias()[g] + FloatConv.dot(l.w(), g * nIn, in, x, nIn) + FloatConv.dot(l.r(), g * hid, h, 0, hid);
      }
      int y = outOff + t * hid;
      for (int j = 0; j < hid; j++) {
        float i = sigmoid(gates[j]);
        float o = sigmoid(gates[hid + j]);
        float f = sigmoid(gates[2 * hid + j]);
        float cand = (float) Math.tanh(gates[3 * hid + j]);
        c[j] = f * c[j] + i * cand;
        h[j] = o * (float) Math.tanh(c[j]);
        out[y + j] = h[j];
      }
    }
  }

  static void gru(GruLayer l, float[] in, int inOff, float[] out, int outOff) {
    int hid = l.hidden();
    int nIn = l.inputSize();
    float[] h = new float[hid];
    float[] wx = new float[3 * hid];
    float[] rh = new float[2 * hid];
    float[] reset = new float[hid];
    float[] next = new float[hid];
    for (int t = 0; t < l.steps(); t++) {
      int x = inOff + t * nIn;
      for (int g = 0; g < 3 * hid; g++) {
        wx[g] = l.wBias()[g] + FloatConv.dot(l.w(), g * nIn, in, x, nIn);
      }
      for (int g = 0; g < 2 * hid; g++) {
        rh[g] = l.rBias()[g] + FloatConv.dot(l.r(), g * hid, h, 0, hid);
      }
      for (int j = 0; j < hid; j++) {
        reset[j] = sigmoid(wx[hid + j] + rh[hid + j]) * (l.linearBeforeReset() ? 1f : h[j]);
      }
      int y = outOff + t * hid;
      for (int j = 0; j < hid; j++) {
        float z = sigmoid(wx[j] + rh[j]);
        int row = (2 * hid + j) * hid;
        float cand;
        if (l.linearBeforeReset()) {
          float r = reset[j];
          cand = wx[2 * hid + j] + r * (FloatConv.dot(l.r(), row, h, 0, hid) + l.rBias()[2 * hid + j]);
        } else {
          cand = wx[2 * hid + j] + FloatConv.dot(l.r(), row, reset, 0, hid) + l.rBias()[2 * hid + j];
        }
        next[j] = (1f - z) * (float) Math.tanh(cand) + z * h[j];
      }
      System.arraycopy(next, 0, h, 0, hid);
      System.arraycopy(h, 0, out, y, hid);
    }
  }

  static float sigmoid(float v) {
    return (float) (1.0 / (1.0 + Math.exp(-v)));
  }
}
