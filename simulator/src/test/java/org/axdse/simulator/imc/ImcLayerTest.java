package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.junit.jupiter.api.Test;

/** {@link ImcLayer} against a hand count, the plain reference and the exact dot product. */
class ImcLayerTest {

  private static int[] gemm(ImcLayer layer, int[][] columns, boolean signed, int threads) {
    int k = columns[0].length;
    ActivationPanel p = ActivationPanel.allocate(k, columns.length);
    for (int m = 0; m < columns.length; m++) {
      for (int i = 0; i < k; i++) {
        p.set(i, m, (byte) columns[m][i]);
      }
    }
    int[] acc = new int[64 * columns.length];
    try (Kernels kernels = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      layer.gemm(p, acc, kernels);
    }
    return acc;
  }

  /**
   * R = 64, 2-bit cells, bit-serial, unsigned 4-bit weights w = 15 on four rows, activations a = 3: both
   * activation planes (bits 0 and 1) are all ones and both weight slices hold digit 3, so each of the four
   * (plane, slice) column sums is 4 * 3 = 12. Full resolution: 64 rows * 3 = 192 needs 8 bits. Exact: 4 * 45 = 180
   * = 12 * (1 + 4 + 2 + 8). A saturating 3-bit ADC gives min(12, 7) = 7 per sum: 7 * 15 = 105. A rounding 3-bit
   * ADC keeps the top 3 of 8 bits, steps of 32: round(12 / 32) = 0, so 0. With 4 bits, steps of 16:
   * round(12 / 16) = 1, so 16 per sum: 16 * 15 = 240.
   */
  @Test
  void handCountedThreeBitAdc() {
    int[] w = {15, 15, 15, 15};
    int[][] a = {{3, 3, 3, 3}};
    assertEquals(180, gemm(layer(AdcMode.SATURATE, 8, w), a, false, 1)[0]);
    assertEquals(105, gemm(layer(AdcMode.SATURATE, 3, w), a, false, 1)[0]);
    assertEquals(0, gemm(layer(AdcMode.ROUND, 3, w), a, false, 1)[0]);
    assertEquals(240, gemm(layer(AdcMode.ROUND, 4, w), a, false, 1)[0]);
  }

  private static ImcLayer layer(AdcMode mode, int adcBits, int[] w) {
    ImcArchitecture arch = ImcTestArch.of(64, 2, 1, mode);
    return new ImcLayer(arch, new ImcKnobs(8, 2, adcBits), 1, w.length, w, 4, false, new int[1], 0, false);
  }

  /** Random layers, knobs, zero points and architectures against the plain reference, and full knobs = exact. */
  @Test
  void matchesReferenceAndExactAtFullKnobs() {
    SplittableRandom r = new SplittableRandom(15);
    for (int trial = 0; trial < 60; trial++) {
      boolean signed = r.nextBoolean();
      int bits = 2 + r.nextInt(7);
      int cell = 1 + r.nextInt(2);
      int dac = 1 + r.nextInt(3);
      AdcMode mode = r.nextBoolean() ? AdcMode.SATURATE : AdcMode.ROUND;
      ImcArchitecture arch = ImcTestArch.of(64 * (1 + r.nextInt(2)), cell, dac, mode);
      int k = 1 + r.nextInt(300);
      int rows = 1 + r.nextInt(5);
      int cols = 1 + r.nextInt(70);
      int wmax = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
      int[] w = new int[rows * k];
      for (int i = 0; i < w.length; i++) {
        w[i] = signed ? r.nextInt(2 * wmax + 1) - wmax : r.nextInt(wmax + 1);
      }
      int[] zw = new int[rows];
      for (int n = 0; n < rows; n++) {
        zw[n] = signed ? 0 : r.nextInt(1 << bits);
      }
      int za = signed ? 0 : r.nextInt(256);
      int[][] a = new int[cols][k];
      for (int m = 0; m < cols; m++) {
        for (int i = 0; i < k; i++) {
          int v = r.nextInt(4) == 0 ? 0 : r.nextInt(256);
          a[m][i] = signed ? v - 128 : v;
        }
      }
      ImcKnobs full = ImcKnobs.full(arch, bits);
      ImcKnobs knobs = new ImcKnobs(1 + r.nextInt(8), 1 + r.nextInt(arch.slices(bits)),
          1 + r.nextInt(arch.fullAdcBits()));
      int[] fullAcc = run(arch, full, rows, k, w, bits, signed, zw, za, a, 1 + trial % 2);
      int[] approx = run(arch, knobs, rows, k, w, bits, signed, zw, za, a, 1 + trial % 2);
      for (int n = 0; n < rows; n++) {
        int[] wn = java.util.Arrays.copyOfRange(w, n * k, (n + 1) * k);
        for (int m = 0; m < cols; m++) {
          int dot = 0;
          for (int i = 0; i < k; i++) {
            dot += a[m][i] * wn[i];
          }
          String where = "trial " + trial + " row " + n + " col " + m + " " + knobs.name();
          assertEquals(dot, fullAcc[n * cols + m], where + " full");
          assertEquals(ImcReference.accumulator(arch, knobs, a[m], wn, bits, signed, zw[n], za, signed),
              approx[n * cols + m], where);
        }
      }
    }
  }

  private static int[] run(ImcArchitecture arch, ImcKnobs knobs, int rows, int k, int[] w, int bits,
      boolean signed, int[] zw, int za, int[][] a, int threads) {
    ImcLayer l = new ImcLayer(arch, knobs, rows, k, w, bits, signed, zw, za, signed);
    ActivationPanel p = ActivationPanel.allocate(k, a.length);
    for (int m = 0; m < a.length; m++) {
      for (int i = 0; i < k; i++) {
        p.set(i, m, (byte) a[m][i]);
      }
    }
    int[] acc = new int[rows * a.length];
    try (Kernels kernels = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      l.gemm(p, acc, kernels);
    }
    return acc;
  }

  /** A grouped, padded, strided convolution: full knobs equal the exact kernels, also their column sums. */
  @Test
  void groupedConvolutionAtFullKnobsIsExact() {
    ConvGeometry g = new ConvGeometry(4, 7, 6, 6, 3, 3, 2, 1, 1, 1, 0, 1, 1, 1, 2);
    SplittableRandom r = new SplittableRandom(3);
    int k = g.reduction();
    int[] w = new int[6 * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextInt(255) - 127;
    }
    byte[] input = new byte[4 * 2 * 7 * 6];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (r.nextInt(200) - 60);
    }
    ImcArchitecture arch = ImcTestArch.of(64, 2, 1, AdcMode.SATURATE);
    ImcLayer l = new ImcLayer(arch, ImcKnobs.full(arch, 8), 6, k, w, 8, true, new int[6], 0, true);
    int m = 2 * g.outHeight() * g.outWidth();
    int[] acc = new int[6 * m];
    int[] sums = new int[2 * m];
    int[] exact = new int[6 * m];
    int[] exactSums = new int[2 * m];
    var f = org.axdse.multipliers.table.MultiplierFormat.of(8,
        org.axdse.multipliers.table.Signedness.SIGNED);
    try (Kernels kernels = Kernels.create(2, KernelMode.fromSystemProperty())) {
      l.conv(g, 2, input, (byte) 0, acc, sums, kernels);
      kernels.conv(g, 2, input, (byte) 0, org.axdse.simulator.kernels.WeightMatrix.ofValues(f, 6, k, w),
          org.axdse.simulator.kernels.RowTables.ofLayer(org.axdse.simulator.kernels.LookupTable.exact(f), 6),
          exact, exactSums);
    }
    assertArrayEquals(exact, acc);
    assertArrayEquals(exactSums, sums);
  }
}
