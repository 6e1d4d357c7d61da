package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axdse.multipliers.format.Accumulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundingTableSumsTest {
  @ParameterizedTest
  @EnumSource(value = Accumulator.class, names = {"FP32", "FP16", "BF16"})
  void vectorLanesEqualTheScalarChainForEveryWidth(Accumulator a) {
    SplittableRandom r = new SplittableRandom(7);
    double[] table = new double[16 << 8];
    for (int i = 0; i < table.length; i++) {
      // 8 significant bits over exponents from below FP16's and BF16's subnormals to beyond FP16's largest value
      int e = i % 5 == 0 ? r.nextInt(-150, -125) : i % 5 == 1 ? r.nextInt(-30, -10) : r.nextInt(-12, 10);
      table[i] = Math.scalb((double) (r.nextInt(511) - 255), e);
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
      RoundingTableSums.sums(table, w, k, 0, rows, codes, width, out, width, a);
      for (int n = 0; n < rows; n++) {
        for (int j = 0; j < width; j++) {
          double s = 0;
          double exact = 0;
          for (int kk = 0; kk < k; kk++) {
            double t = table[(w[n * k + kk] << 8) + codes[kk * width + j]];
            s = a.round(s + t);
            exact += t;
          }
          assertEquals(s, out[n * width + j], 0.0, a + " width " + width + ", row " + n + ", column " + j);
          differ += s != exact ? 1 : 0;
        }
      }
    }
    assertTrue(differ > 0, a + " rounding changes some sums (else the test proves nothing)");
  }
}
