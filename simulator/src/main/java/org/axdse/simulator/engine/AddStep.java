package org.axdse.simulator.engine;

import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.QuantParams;

/**
 * Elementwise sum of two code tensors with different parameters, as TFLite's quantized Add: both operands are
 * shifted left by 20 bits and scaled to the common scale {@code 2 * max(s_a, s_b)}, summed, and rescaled to the
 * output: {@code code = clamp(zo + round(M_o * (round(M_a * ((a - za) << 20)) + round(M_b * ((b - zb) << 20)))))}
 * with {@code M_a = s_a / (2 max)}, {@code M_b = s_b / (2 max)}, {@code M_o = 2 max / (2^20 s_o)}, all fixed point.
 */
final class AddStep implements Step {
  private static final int LEFT_SHIFT = 20;

  private final int a;
  private final int b;
  private final int out;
  private final boolean channelMajor;
  private final QuantParams po;
  private final int[] range;
  private final FixedPointMultiplier mo;
  private final int[] lutA;
  private final int[] lutB;

  /**
   * The output code of every pair of operand codes, {@code pairs[(x << 8) | y]}: the formula above is a function
   * of the two bytes, so a run is one lookup per element (the 64-bit rounding per element was 7% of a ResNet-20
   * pass). Built on first use (65,536 evaluations of the formula, a fraction of a millisecond), so engines compiled
   * and dropped without running pay nothing; concurrent first uses build identical tables.
   */
  private volatile byte[] pairs;

  AddStep(int a, int b, int out, boolean channelMajor, QuantParams pa, QuantParams pb, QuantParams po,
      int[] range) {
    this.a = a;
    this.b = b;
    this.out = out;
    this.channelMajor = channelMajor;
    this.po = po;
    this.range = range;
    double twiceMax = 2 * Math.max(pa.scale(), pb.scale());
    this.lutA = scaled(pa, FixedPointMultiplier.of(pa.scale() / twiceMax));
    this.lutB = scaled(pb, FixedPointMultiplier.of(pb.scale() / twiceMax));
    this.mo = multiplier(twiceMax / ((1 << LEFT_SHIFT) * po.scale()));
  }

  /** The output code of every pair of operand codes (see {@link #pairs()}). */
  static byte[] pairs(QuantParams pa, QuantParams pb, QuantParams po, int[] range) {
    return new AddStep(0, 0, 0, false, pa, pb, po, range).pairs();
  }

  /**
   * TFLite's quantized Sub of every pair of codes: the formula above with the scaled second operand subtracted,
   * {@code clamp(zo + round(M_o * (round(M_a * ((a - za) << 20)) - round(M_b * ((b - zb) << 20)))))}.
   */
  static byte[] differences(QuantParams pa, QuantParams pb, QuantParams po, int[] range) {
    return new AddStep(0, 0, 0, false, pa, pb, po, range).table(-1);
  }

  static FixedPointMultiplier multiplier(double m) {
    return FixedPointMultiplier.of(Math.max(0x1p-32, Math.min(m, Math.nextDown(0x1p30))));
  }

  /** {@code round(m * ((code - z) << 20))} for every byte pattern: the scaled operand is a function of the code. */
  private static int[] scaled(QuantParams p, FixedPointMultiplier m) {
    int[] lut = new int[256];
    for (int code = 0; code < 256; code++) {
      lut[code] = m.apply((LutStep.value(code, p) - p.zeroPoint()) << LEFT_SHIFT);
    }
    return lut;
  }

  byte[] pairs() {
    byte[] t = pairs;
    if (t == null) {
      t = table(1);
      pairs = t;
    }
    return t;
  }

  /** The sum ({@code sign} 1) or difference (-1) of every pair of codes. */
  private byte[] table(int sign) {
    byte[] t = new byte[1 << 16];
    int zo = po.zeroPoint();
    for (int x = 0; x < 256; x++) {
      for (int y = 0; y < 256; y++) {
        t[(x << 8) | y] = (byte) Math.max(range[0], Math.min(range[1], zo + mo.apply(lutA[x] + sign * lutB[y])));
      }
    }
    return t;
  }

  @Override
  public void run(RunContext ctx) {
    byte[] x = ctx.act.read(a, channelMajor);
    byte[] y = ctx.act.read(b, channelMajor);
    byte[] z = ctx.act.write(out);
    int n = ctx.batch() * ctx.act.perSample(out);
    byte[] t = pairs();
    ctx.forChunks(n, 1 << 14, (from, to) -> {
      for (int i = from; i < to; i++) {
        z[i] = t[((x[i] & 0xFF) << 8) | (y[i] & 0xFF)];
      }
    });
  }
}
