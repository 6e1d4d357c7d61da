package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.QuantParams;
import org.junit.jupiter.api.Test;

class AddStepTest {

  /** TFLite's quantized Add for one pair of codes, written out from its definition (see AddStep's comment). */
  private static int tflite(int x, int y, QuantParams pa, QuantParams pb, QuantParams po, int lo, int hi) {
    double twiceMax = 2 * Math.max(pa.scale(), pb.scale());
    int va = FixedPointMultiplier.of(pa.scale() / twiceMax).apply((value(x, pa) - pa.zeroPoint()) << 20);
    int vb = FixedPointMultiplier.of(pb.scale() / twiceMax).apply((value(y, pb) - pb.zeroPoint()) << 20);
    double m = Math.max(0x1p-32, Math.min(twiceMax / ((1 << 20) * po.scale()), Math.nextDown(0x1p30)));
    int code = po.zeroPoint() + FixedPointMultiplier.of(m).apply(va + vb);
    return Math.max(lo, Math.min(hi, code));
  }

  private static int value(int code, QuantParams p) {
    return p.signed() ? (byte) code : code;
  }

  private static QuantParams params(Random r, boolean signed) {
    double scale = Math.exp(-6 + 6 * r.nextDouble());
    int zero = signed ? 0 : r.nextInt(256);
    return new QuantParams(scale, zero, 8, signed);
  }

  @Test
  void thePairTableEqualsTheFormulaForEveryPairOfCodes() {
    Random r = new Random(17);
    for (int trial = 0; trial < 12; trial++) {
      boolean signed = trial % 2 == 0;
      QuantParams pa = params(r, signed);
      QuantParams pb = trial == 4 ? pa : params(r, signed);
      QuantParams po = params(r, signed);
      int qmin = signed ? -128 : 0;
      int qmax = signed ? 127 : 255;
      // a fused ReLU cuts the range at the output's zero point in some trials
      int lo = trial % 3 == 0 ? Math.max(qmin, po.zeroPoint()) : qmin;
      int[] range = {lo, qmax};
      byte[] pairs = new AddStep(0, 1, 2, true, pa, pb, po, range).pairs();
      for (int x = 0; x < 256; x++) {
        for (int y = 0; y < 256; y++) {
          int expected = tflite(x, y, pa, pb, po, lo, qmax);
          int actual = signed ? pairs[(x << 8) | y] : pairs[(x << 8) | y] & 0xFF;
          assertEquals(expected, actual, "trial " + trial + ", codes " + x + ", " + y);
        }
      }
    }
  }
}
