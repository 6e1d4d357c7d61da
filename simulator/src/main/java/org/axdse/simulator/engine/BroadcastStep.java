package org.axdse.simulator.engine;

import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.QuantParams;

/**
 * Add, Sub, Mul or Div of two code tensors, the second broadcast to the first's shape (squeeze-and-excitation gates,
 * SiLU's {@code x * sigmoid(x)}). The output code is a function of the two operand codes, so the step is one lookup
 * in a 64 KiB table {@code pairs[(a << 8) | b]} per element, with the second operand read through the layer's
 * broadcast index. The table follows TFLite's quantized kernels: Add is {@link AddStep}'s formula, Sub the same with
 * the second operand subtracted; Mul is {@code clamp(zo + round(M * (a - za) * (b - zb)))} with
 * {@code M = s_a * s_b / s_o} in fixed point (exact 64-bit, halves away from zero); Div is defined in
 * {@link #divPairs}. Both tensors are read sample-major.
 */
final class BroadcastStep implements Step {
  private final int a;
  private final int b;
  private final int out;
  private final int[] index;
  private final int bPer;
  private final byte[] pairs;

  BroadcastStep(BroadcastLayer l, int a, int b, int out, QuantParams pa, QuantParams pb, QuantParams po,
      int[] range) {
    this.a = a;
    this.b = b;
    this.out = out;
    this.index = l.secondOperandIndex();
    this.bPer = l.inputs().get(1).shape().size();
    this.pairs = switch (l.op()) {
      case ADD -> AddStep.pairs(pa, pb, po, range);
      case SUB -> AddStep.differences(pa, pb, po, range);
      case MUL -> mulPairs(pa, pb, po, range);
      case DIV -> divPairs(pa, pb, po, range);
    };
  }

  /** The TFLite quantized Mul of every pair of codes. */
  static byte[] mulPairs(QuantParams pa, QuantParams pb, QuantParams po, int[] range) {
    FixedPointMultiplier m = AddStep.multiplier(pa.scale() * pb.scale() / po.scale());
    byte[] t = new byte[1 << 16];
    for (int x = 0; x < 256; x++) {
      int dx = LutStep.value(x, pa) - pa.zeroPoint();
      for (int y = 0; y < 256; y++) {
        int dy = LutStep.value(y, pb) - pb.zeroPoint();
        t[(x << 8) | y] = (byte) Math.max(range[0], Math.min(range[1], po.zeroPoint() + m.apply(dx * dy)));
      }
    }
    return t;
  }

  /**
   * The quotient of every pair of codes, {@code clamp(q_o(deq_a(a) / deq_b(b)))} in double precision (IEEE
   * products and a quotient, correctly rounded, so the same on every platform) with {@code q_o} rounding half away
   * from zero, as the unary code maps are built. TFLite has no quantized Div of two tensors to follow. A divisor code
   * at the zero point (real value 0) saturates: to the top of the output range for a positive dividend, the bottom
   * for a negative one, and the zero point for 0 / 0.
   */
  static byte[] divPairs(QuantParams pa, QuantParams pb, QuantParams po, int[] range) {
    byte[] t = new byte[1 << 16];
    for (int x = 0; x < 256; x++) {
      int dx = LutStep.value(x, pa) - pa.zeroPoint();
      for (int y = 0; y < 256; y++) {
        int dy = LutStep.value(y, pb) - pb.zeroPoint();
        int code = dy != 0 ? po.quantize(pa.scale() * dx / (pb.scale() * dy))
            : dx > 0 ? range[1] : dx < 0 ? range[0] : po.zeroPoint();
        t[(x << 8) | y] = (byte) Math.max(range[0], Math.min(range[1], code));
      }
    }
    return t;
  }

  @Override
  public void run(RunContext ctx) {
    byte[] x = ctx.act.read(a, false);
    byte[] y = ctx.act.read(b, false);
    byte[] z = ctx.act.write(out);
    int per = index.length;
    ctx.forChunks(ctx.batch() * per, 1 << 14, (from, to) -> {
      for (int i = from; i < to; i++) {
        int n = i / per;
        z[i] = pairs[((x[i] & 0xFF) << 8) | (y[n * bPer + index[i - n * per]] & 0xFF)];
      }
    });
  }
}
