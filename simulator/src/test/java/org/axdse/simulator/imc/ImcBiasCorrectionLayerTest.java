package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.axdse.simulator.compensation.BiasCorrection;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.junit.jupiter.api.Test;

/**
 * Bias correction of one hand-counted layer with a coarse (3-bit, saturating) ADC: {@link ErrorMeter}'s mean error
 * per channel, the correction {@link BiasCorrection#deltas} makes of it, and {@link BiasedDataflow}'s corrected
 * accumulators, whose mean error on the calibration columns is then 0.
 */
class ImcBiasCorrectionLayerTest {
  /** R = 64, 2-bit cells, bit-serial, unsigned 4-bit weights and activations, unsigned zero points 0. */
  private static ImcLayer layer(int adcBits, int[] w, int channels) {
    ImcArchitecture arch = ImcTestArch.of(64, 2, 1, AdcMode.SATURATE);
    return new ImcLayer(arch, new ImcKnobs(8, 2, adcBits), channels, w.length / channels, w, 4, false,
        new int[channels], 0, false);
  }

  private static ActivationPanel panel(int[][] columns) {
    ActivationPanel p = ActivationPanel.allocate(columns[0].length, columns.length);
    for (int m = 0; m < columns.length; m++) {
      for (int i = 0; i < columns[m].length; i++) {
        p.set(i, m, (byte) columns[m][i]);
      }
    }
    return p;
  }

  /**
   * Channel 0 has weights 15 (both 2-bit slices hold digit 3), channel 1 weights 1 (digit 1 in slice 0). Column 0
   * applies a = 3 (planes 0 and 1), column 1 a = 1 (plane 0). Every (plane, slice) column sum of channel 0 is 4 * 3
   * = 12, which a saturating 3-bit ADC clips to 7: column 0 gives 7 * (1 + 4 + 2 + 8) = 105 against the exact 4 *
   * 45 = 180 (error -75), column 1 gives 7 * (1 + 4) = 35 against 60 (error -25): mean -50, so the bias moves by
   * +50, and the corrected accumulators 155 and 85 are off by -25 and +25, mean 0. Channel 1's sums (4 and 0)
   * stay below 7: no error, no correction.
   */
  @Test
  void handCountedCorrection() {
    int[] w = {15, 15, 15, 15, 1, 1, 1, 1};
    int[][] a = {{3, 3, 3, 3}, {1, 1, 1, 1}};
    for (int threads = 1; threads <= 2; threads++) {
      try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
        ImcLayer exact = layer(8, w, 2);
        ImcLayer coarse = layer(3, w, 2);
        ErrorMeter meter = new ErrorMeter(exact, coarse, 2);
        int[] acc = new int[2 * 2];
        meter.gemm(panel(a), acc, k);
        assertArrayEquals(new int[] {180, 60, 12, 4}, acc, "the meter writes the exact accumulators");
        assertArrayEquals(new double[] {-50, 0}, meter.means());
        int[] delta = BiasCorrection.deltas(meter.means());
        assertArrayEquals(new int[] {50, 0}, delta);
        int[] corrected = new int[2 * 2];
        new BiasedDataflow(coarse, delta).gemm(panel(a), corrected, k);
        assertArrayEquals(new int[] {155, 85, 12, 4}, corrected);
        for (int n = 0; n < 2; n++) {
          assertEquals(0, corrected[2 * n] - acc[2 * n] + corrected[2 * n + 1] - acc[2 * n + 1], "channel " + n);
        }
      }
    }
  }

  /** A mean of -12.5 rounds away from zero: the correction is +13 and the corrected mean error +0.5. */
  @Test
  void halvesRoundAwayFromZero() {
    int[] w = {15, 15, 15, 15};
    // a = 1 on two rows: plane 0, each slice sum 2 * 3 = 6 < 7, exact; a = 1 on four rows: 12 -> 7, error -25.
    int[][] a = {{1, 1, 0, 0}, {1, 1, 1, 1}};
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      ErrorMeter meter = new ErrorMeter(layer(8, w, 1), layer(3, w, 1), 1);
      meter.gemm(panel(a), new int[2], k);
      assertArrayEquals(new double[] {-12.5}, meter.means());
      assertArrayEquals(new int[] {13}, BiasCorrection.deltas(meter.means()));
    }
  }
}
