package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.axdse.simulator.quant.QuantParams;
import org.junit.jupiter.api.Test;

/** The Div pair table on hand-computed codes: rounding half away from zero, clamping, and the zero divisor. */
class DivPairsTest {
  static final QuantParams A = new QuantParams(0.5, 0, 8, true);
  static final QuantParams B = new QuantParams(0.25, 3, 8, true);
  static final QuantParams OUT = new QuantParams(0.1, -2, 8, true);

  static int at(byte[] t, int a, int b) {
    return t[((a & 0xFF) << 8) | (b & 0xFF)];
  }

  @Test
  void quotientsAreQuantizedAndAZeroDivisorSaturates() {
    byte[] t = BroadcastStep.divPairs(A, B, OUT, new int[] {-128, 127});
    assertEquals(-2 + 30, at(t, 6, 7), "3.0 / 1.0 = 3.0 is 30 steps above the zero point");
    assertEquals(-2 + 30, at(t, -3, 1), "-1.5 / -0.5 = 3.0");
    assertEquals(-2 + 2, at(t, 1, 15), "0.5 / 3.0 = 0.1667 rounds to 2 steps");
    assertEquals(-2 - 25, at(t, 5, -1), "2.5 / -1.0 = -2.5");
    assertEquals(-2 + 2, at(t, 1, 13), "0.5 / 2.5 = 0.2 is 2 steps");
    assertEquals(-2 + 5, at(t, 1, 7), "0.5 / 1.0 = 0.5 is 5 steps");
    assertEquals(127, at(t, 100, 4), "50 / 0.25 = 200 clamps to the top code");
    assertEquals(127, at(t, 1, 3), "a positive dividend over the divisor's zero point saturates high");
    assertEquals(-128, at(t, -1, 3), "a negative one saturates low");
    assertEquals(-2, at(t, 0, 3), "0 / 0 is the output zero point");
    byte[] clipped = BroadcastStep.divPairs(A, B, OUT, new int[] {-10, 10});
    assertEquals(10, at(clipped, 6, 7), "the range clamps");
    assertEquals(10, at(clipped, 1, 3), "saturation goes to the range's top");
  }
}
