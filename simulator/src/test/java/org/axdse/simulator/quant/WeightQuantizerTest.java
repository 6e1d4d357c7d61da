package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightQuantizerTest {
  @Test
  void perChannelSymmetricScalesByEachChannelsMaximum() {
    float[] w = {0.6f, -1.0f, 0.25f, 0.11f, 0.05f, -0.2f};
    QuantizedWeights q = WeightQuantizer.perChannel(w, 2, 8, QuantScheme.SYMMETRIC, RangeSelector.minMax());
    // channel 0: max |w| = 1.0 -> scale 1/127; channel 1: max 0.2f -> scale 0.2f/127
    assertEquals(1.0 / 127, q.params().get(0).scale(), 1e-15);
    assertEquals(0.2f / 127.0, q.params().get(1).scale(), 1e-15);
    // 0.6 * 127 = 76.2 -> 76; 0.25 * 127 = 31.75 -> 32; 0.11 / 0.2 * 127 = 69.85 -> 70; 0.05 -> 31.75 -> 32
    assertArrayEquals(new int[] {76, -127, 32, 70, 32, -127}, q.codes());
    assertEquals(3, q.perChannel());
  }

  @Test
  void everyWidthFrom2To8BitsRoundTripsWithinHalfAStep() {
    float[] w = new float[64];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(i * 0.7) * (1 + i % 4);
    }
    for (int bits = 2; bits <= 8; bits++) {
      for (QuantScheme s : QuantScheme.values()) {
        QuantizedWeights q = WeightQuantizer.perChannel(w, 4, bits, s, RangeSelector.minMax());
        for (int i = 0; i < w.length; i++) {
          QuantParams p = q.paramsOf(i);
          assertTrue(q.code(i) >= p.qmin() && q.code(i) <= p.qmax());
          assertTrue(Math.abs(q.dequantize(i) - w[i]) <= p.scale() / 2 * (1 + 1e-6), s + " " + bits + " " + i);
        }
      }
    }
  }

  @Test
  void perTensorUsesOneScale() {
    QuantizedWeights q = WeightQuantizer.perTensor(new float[] {-3, 1, 2}, 4, QuantScheme.SYMMETRIC,
        RangeSelector.minMax());
    // 4 bits: codes [-7, 7], scale 3/7: 1 -> 2.33 -> 2, 2 -> 4.67 -> 5
    assertArrayEquals(new int[] {-7, 2, 5}, q.codes());
    assertEquals(1, q.channels());
  }

  @Test
  void biasIsInAccumulatorUnits() {
    // 0.3 / (0.02 * 0.05) = 300
    assertEquals(300, WeightQuantizer.quantizeBias(0.3, 0.02, 0.05));
    assertEquals(Integer.MAX_VALUE, WeightQuantizer.quantizeBias(1e12, 0.001, 0.001));
  }

  @Test
  void rejectsBadShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> WeightQuantizer.perChannel(new float[5], 2, 8, QuantScheme.SYMMETRIC, RangeSelector.minMax()));
    assertThrows(IllegalArgumentException.class,
        () -> WeightQuantizer.perTensor(new float[4], 9, QuantScheme.SYMMETRIC, RangeSelector.minMax()));
  }
}
