package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.ByteLookup;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.quant.QuantParams;

/**
 * A unary layer on codes as 256-entry lookup tables built once from the quantization parameters (one table per
 * channel for a per-channel affine layer): Clip/ReLU is {@code q_out(clamp(deq_in(c), min, max))}, a standalone
 * affine (batch normalization) is {@code q_out(deq_in(c) * scale[ch] + shift[ch])}. Building the table uses double
 * arithmetic, running it is a byte lookup, so results are exact and deterministic.
 */
final class LutStep implements Step {
  private final int in;
  private final int out;
  private final boolean channelMajor;
  private final int channels;
  private final int inner;
  private final byte[] lut;

  private LutStep(int in, int out, boolean channelMajor, int channels, int inner, byte[] lut) {
    this.in = in;
    this.out = out;
    this.channelMajor = channelMajor;
    this.channels = channels;
    this.inner = inner;
    this.lut = lut;
  }

  static LutStep clip(ClipLayer l, int in, int out, boolean channelMajor, QuantParams pi, QuantParams po) {
    byte[] lut = new byte[256];
    for (int code = 0; code < 256; code++) {
      double v = pi.dequantize(value(code, pi));
      lut[code] = (byte) po.quantize(Math.min(Math.max(v, l.min()), l.max()));
    }
    return new LutStep(in, out, channelMajor, 1, 1, lut);
  }

  /** A per-channel affine; channel-major storage is allowed when the channel axis is the first one. */
  static LutStep affine(AffineLayer l, int in, int out, boolean channelMajor, QuantParams pi, QuantParams po,
      int[] range) {
    int channels = l.scale().length;
    byte[] lut = new byte[channels * 256];
    for (int c = 0; c < channels; c++) {
      for (int code = 0; code < 256; code++) {
        double v = pi.dequantize(value(code, pi));
        lut[c * 256 + code] = (byte) Math.max(range[0], Math.min(range[1], po.quantize(v * l.scale()[c]
            + l.shift()[c])));
      }
    }
    return new LutStep(in, out, channelMajor, channels, l.innerSize(), lut);
  }

  /** An elementwise function: {@code q_out(f(deq_in(c), alpha[ch], beta))}, one table per alpha. */
  static LutStep unary(UnaryLayer l, int in, int out, boolean channelMajor, QuantParams pi, QuantParams po) {
    int channels = l.alpha().length;
    byte[] lut = new byte[channels * 256];
    for (int c = 0; c < channels; c++) {
      for (int code = 0; code < 256; code++) {
        double v = pi.dequantize(value(code, pi));
        lut[c * 256 + code] = (byte) po.quantize(l.function().apply(v, l.alpha()[c], l.beta()));
      }
    }
    return new LutStep(in, out, channelMajor, channels, l.innerSize(), lut);
  }

  /** The value of byte pattern {@code code} under {@code p}'s signedness. */
  static int value(int code, QuantParams p) {
    return p.signed() ? (byte) code : code & 0xFF;
  }

  @Override
  public void run(RunContext ctx) {
    byte[] x = ctx.act.read(in, channelMajor);
    byte[] y = ctx.act.write(out);
    int batch = ctx.batch();
    int n = batch * ctx.act.perSample(out);
    int block = channelMajor ? batch * inner : inner;
    if (channels == 1) {
      ctx.forChunks(n, 1 << 14, (from, to) -> ByteLookup.map(ctx.kernels.mode(), lut, x, y, from, to));
      return;
    }
    ctx.forChunks(n, 1 << 14, (from, to) -> {
      for (int i = from; i < to; i++) {
        int c = (i / block) % channels;
        y[i] = lut[(c << 8) | (x[i] & 0xFF)];
      }
    });
  }
}
