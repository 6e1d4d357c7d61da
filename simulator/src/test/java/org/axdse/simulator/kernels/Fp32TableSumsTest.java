package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fp32TableSumsTest {
  @Test
  void vectorLanesEqualTheScalarFp32ChainForEveryWidth() {
    SplittableRandom r = new SplittableRandom(7);
    double[] table = new double[16 << 8];
    for (int i = 0; i < table.length; i++) {
      // products of two E4M3-like values: 8 significant bits over a wide exponent range, both signs
      table[i] = Math.scalb((double) (r.nextInt(511) - 255), r.nextInt(-18, 10));
    }
    int k = 37;
    int rows = 3;
    int[] w = new int[rows * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextInt(16);
    }
    int differ = 0;
    for (int width = 1; width <= 41; width++) {
      int[] codes = new int[k * width];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = r.nextInt(256);
      }
      double[] out = new double[rows * width];
      Fp32TableSums.sums(table, w, k, 0, rows, codes, width, out, width);
      for (int n = 0; n < rows; n++) {
        for (int j = 0; j < width; j++) {
          float s = 0;
          double exact = 0;
          for (int kk = 0; kk < k; kk++) {
            double t = table[(w[n * k + kk] << 8) + codes[kk * width + j]];
            s = (float) (s + t);
            exact += t;
          }
          assertEquals(s, out[n * width + j], 0.0, "width " + width + ", row " + n + ", column " + j);
          differ += s != exact ? 1 : 0;
        }
      }
    }
    assertEquals(true, differ > 0, "FP32 rounding changes some sums (else the test proves nothing)");
  }
}
