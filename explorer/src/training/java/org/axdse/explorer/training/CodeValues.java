package org.axdse.explorer.training;

import org.axdse.simulator.quant.QuantParams;

/**
 * Real values of the simulator's 8-bit codes in the layout the training graphs take, shared by the per-layer STE
 * training and the graph retraining (kept here, below both, so the {@code graph} package depends on this one and
 * not the other way round).
 */
public final class CodeValues {
  private CodeValues() {}

  /** Sample-major values of {@code codes}, channel-major {@code [channels][batch][plane]} when channels > 1. */
  public static float[] dequantize(byte[] codes, int batch, int per, int channels, QuantParams p) {
    float[] out = new float[batch * per];
    int plane = per / channels;
    for (int c = 0; c < channels; c++) {
      for (int s = 0; s < batch; s++) {
        int src = channels > 1 ? (c * batch + s) * plane : s * per;
        int dst = s * per + c * plane;
        for (int i = 0; i < plane; i++) {
          int b = codes[src + i];
          out[dst + i] = (float) p.dequantize(p.signed() ? b : b & 0xFF);
        }
      }
    }
    return out;
  }
}
