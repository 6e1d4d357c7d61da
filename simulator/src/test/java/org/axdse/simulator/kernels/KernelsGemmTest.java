package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

class KernelsGemmTest {

  private static int[] run(Kernels kernels, ActivationPanel a, WeightMatrix w, RowTables t) {
    int[] c = new int[w.rows() * a.cols()];
    kernels.gemm(a, w, t, c);
    return c;
  }

  @Test
  void everyPathMatchesThePlainLoopOnRandomMixedLayers() {
    Random r = new Random(11);
    try (Kernels v1 = Kernels.createUnchecked(1, KernelMode.VECTOR);
        Kernels v2 = Kernels.createUnchecked(2, KernelMode.VECTOR);
        Kernels n2 = Kernels.createUnchecked(2, KernelMode.NATIVE);
        Kernels s1 = Kernels.create(1, KernelMode.SCALAR)) {
      for (int trial = 0; trial < 40; trial++) {
        MultiplierFormat f = Reference.format(r);
        // K above 256 exercises the 16-bit flush; odd M a partial last tile; M above 128 several blocks.
        int kLen = 1 + r.nextInt(trial % 4 == 0 ? 700 : 150);
        // the first trials are narrow: blocks of fewer than 8 columns take the scalar path even in vector mode
        int m = trial < 3 ? 1 + 3 * trial : trial < 5 ? 64 + trial : 1 + r.nextInt(300);
        int rows = 1 + r.nextInt(13);
        byte[][] a = new byte[kLen][];
        for (int k = 0; k < kLen; k++) {
          a[k] = Reference.bytes(r, m);
        }
        WeightMatrix w = Reference.weights(r, f, rows, kLen);
        List<ProductTable> tables = Reference.mixed(r, f, rows);
        int[] expected = Reference.gemm(a, w, tables);
        ActivationPanel p = Reference.panel(a);
        RowTables t = Reference.compile(tables);
        String what = f + " K=" + kLen + " M=" + m + " rows=" + rows;
        assertArrayEquals(expected, run(v1, p, w, t), "vector, 1 thread, " + what);
        assertArrayEquals(expected, run(v2, p, w, t), "vector, 2 threads, " + what);
        assertArrayEquals(expected, run(n2, p, w, t), "native (where loaded), 2 threads, " + what);
        assertArrayEquals(expected, run(s1, p, w, t), "scalar, " + what);
      }
    }
  }

  @Test
  void tablePathWithTheExactTableEqualsTheExactPath() {
    Random r = new Random(5);
    try (Kernels v = Kernels.createUnchecked(2, KernelMode.VECTOR)) {
      for (int bits = 2; bits <= 8; bits++) {
        for (Signedness sg : Signedness.values()) {
          MultiplierFormat f = MultiplierFormat.of(bits, sg);
          int kLen = 300;
          int m = 200;
          int rows = 9;
          ActivationPanel p = ActivationPanel.allocate(kLen, m);
          p.packRows(Reference.bytes(r, kLen * m), 0);
          WeightMatrix w = Reference.weights(r, f, rows, kLen);
          LookupTable exact = LookupTable.exact(f);
          LookupTable lookup = LookupTable.ofLookupOnly(ProductTable.exact(f));
          assertTrue(exact.isExact() && !lookup.isExact() && lookup.fits16Bits(), "the two paths really differ");
          int[] viaMultiply = run(v, p, w, RowTables.ofLayer(exact, rows));
          int[] viaLookup = run(v, p, w, RowTables.ofLayer(lookup, rows));
          assertArrayEquals(viaMultiply, viaLookup, f.toString());
          // a cell checked by hand: the exact path really multiplies values
          int sum = 0;
          for (int k = 0; k < kLen; k++) {
            int av = sg == Signedness.SIGNED ? p.get(k, 7) : p.get(k, 7) & 0xFF;
            sum += av * w.value(3, k);
          }
          assertEquals(sum, viaMultiply[3 * m + 7], f.toString());
        }
      }
    }
  }

  @Test
  void extremeProductsAcrossManyFlushesStayExact() {
    // every activation 0xFF and every weight the largest code: each lookup hits the table's extreme entry,
    // so the 16-bit lane sums sit at their bounds for all 1000 = 3 * 256 + 232 additions
    MultiplierFormat f = MultiplierFormat.of(8, Signedness.UNSIGNED);
    int[] products = new int[f.tableSize()];
    products[products.length - 1] = -32768;
    products[products.length - 2] = 32767;
    ProductTable table = ProductTable.of(f, products);
    int kLen = 1000;
    ActivationPanel p = ActivationPanel.allocate(kLen, 70);
    byte[] all = new byte[kLen * 70];
    java.util.Arrays.fill(all, (byte) 0xFF);
    p.packRows(all, 0);
    byte[] codes = new byte[2 * kLen];
    java.util.Arrays.fill(codes, 0, kLen, (byte) 0xFF);
    java.util.Arrays.fill(codes, kLen, 2 * kLen, (byte) 0xFE);
    WeightMatrix w = WeightMatrix.ofCodes(f, 2, kLen, codes);
    try (Kernels v = Kernels.createUnchecked(1, KernelMode.VECTOR)) {
      int[] c = run(v, p, w, RowTables.ofLayer(LookupTable.of(table), 2));
      assertEquals(-32768 * kLen, c[0]);
      assertEquals(32767 * kLen, c[70 + 69]);
    }
  }

  @Test
  void perChannelTablesApplyToTheirOwnRowOnly() {
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.SIGNED);
    int[] plusOne = ProductTable.exact(f).toArray();
    for (int i = 0; i < plusOne.length; i++) {
      plusOne[i] += 1;
    }
    LookupTable exact = LookupTable.exact(f);
    LookupTable shifted = LookupTable.of(ProductTable.of(f, plusOne));
    int kLen = 20;
    Random r = new Random(3);
    ActivationPanel p = ActivationPanel.allocate(kLen, 65);
    p.packRows(Reference.bytes(r, kLen * 65), 0);
    WeightMatrix w = Reference.weights(r, f, 3, kLen);
    try (Kernels v = Kernels.createUnchecked(2, KernelMode.VECTOR)) {
      int[] base = run(v, p, w, RowTables.ofLayer(exact, 3));
      int[] mixed = run(v, p, w, RowTables.ofChannels(List.of(exact, shifted, exact)));
      for (int m = 0; m < 65; m++) {
        assertEquals(base[m], mixed[m]);
        // every one of the K products of row 1 is one larger
        assertEquals(base[65 + m] + kLen, mixed[65 + m]);
        assertEquals(base[130 + m], mixed[130 + m]);
      }
    }
  }

  @Test
  void denseInputPackedByColumnsIsTheTranspose() {
    Random r = new Random(8);
    byte[] batchMajor = Reference.bytes(r, 3 * 10);
    ActivationPanel p = ActivationPanel.allocate(10, 3);
    p.packColumns(batchMajor, 0);
    for (int m = 0; m < 3; m++) {
      for (int k = 0; k < 10; k++) {
        assertEquals(batchMajor[m * 10 + k], p.get(k, m));
      }
    }
    int[] sums = new int[3];
    p.columnSums(true, sums);
    int expected = 0;
    for (int k = 0; k < 10; k++) {
      expected += batchMajor[10 + k];
    }
    assertEquals(expected, sums[1]);
    assertEquals(3, p.cols());
  }
}
