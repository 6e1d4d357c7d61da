package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** The table kernel's three ways of skipping all-zero table rows give the sums of the plain loop. */
class ZeroRowSkipTest {

  /** {@code base} with the rows of the given weight codes set to zero. */
  private static ProductTable zeroRows(MultiplierFormat f, int[] base, int... codes) {
    int[] p = base.clone();
    int n = f.weightBits();
    for (int a = 0; a < 256; a++) {
      for (int code : codes) {
        p[(a << n) | code] = 0;
      }
    }
    return ProductTable.of(f, p);
  }

  @Test
  void everySkipKindMatchesThePlainLoop() {
    Random r = new Random(12);
    for (MultiplierFormat f : List.of(MultiplierFormat.signed8x8(), MultiplierFormat.of(4, Signedness.UNSIGNED))) {
      int[] noisy = Reference.noisy(r, f).toArray();
      int[] exact = ProductTable.exact(f).toArray();
      // the noisy table moves every product, so its code-0 row is not all zero; the exact one's is
      List<ProductTable> tables = List.of(ProductTable.of(f, noisy), ProductTable.exact(f),
          zeroRows(f, exact, 0, 1), zeroRows(f, noisy, 3));
      List<Integer> kinds = List.of(LookupTable.SKIP_NONE, LookupTable.SKIP_CODE_ZERO, LookupTable.SKIP_FILTER,
          LookupTable.SKIP_FILTER);
      for (int i = 0; i < tables.size(); i++) {
        LookupTable t = LookupTable.ofLookupOnly(tables.get(i));
        assertEquals(kinds.get(i), t.skipKind(), "table " + i);
        for (int kLen : new int[] {1, 40, 300, 600}) {
          int m = 1 + r.nextInt(200);
          int rows = 1 + r.nextInt(6);
          byte[][] a = new byte[kLen][];
          for (int k = 0; k < kLen; k++) {
            a[k] = Reference.bytes(r, m);
          }
          byte[] codes = new byte[rows * kLen];
          for (int j = 0; j < codes.length; j++) {
            // a third of the weights are codes 0, 1 or 3 (the zeroed rows); row 0 is all code 0
            codes[j] = (byte) (j < kLen ? 0 : r.nextInt(3) == 0 ? new int[] {0, 1, 3}[r.nextInt(3)]
                : r.nextInt(1 << f.weightBits()));
          }
          WeightMatrix w = WeightMatrix.ofCodes(f, rows, kLen, codes);
          List<ProductTable> perRow = Collections.nCopies(rows, tables.get(i));
          int[] expected = Reference.gemm(a, w, perRow);
          ActivationPanel p = ActivationPanel.allocate(kLen, m);
          for (int k = 0; k < kLen; k++) {
            for (int j = 0; j < m; j++) {
              p.set(k, j, a[k][j]);
            }
          }
          RowTables rt = RowTables.ofLayer(t, rows);
          for (int threads = 1; threads <= 2; threads++) {
            try (Kernels v = Kernels.createUnchecked(threads, KernelMode.VECTOR)) {
              int[] c = new int[rows * m];
              v.gemm(p, w, rt, c);
              assertArrayEquals(expected, c, f + " table " + i + " K=" + kLen + " M=" + m + ", " + threads + "T");
            }
          }
        }
      }
    }
  }
}
