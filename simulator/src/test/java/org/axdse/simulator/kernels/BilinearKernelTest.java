package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class BilinearKernelTest {

  @Test
  void transposeMovesEveryBitToItsMirror() {
    Random r = new Random(5);
    long[] x = new long[64 + 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextLong();
    }
    long[] before = x.clone();
    ActivationPlanes.transpose(x, 3);
    for (int row = 0; row < 64; row++) {
      for (int col = 0; col < 64; col++) {
        assertEquals(before[3 + row] >>> col & 1, x[3 + col] >>> row & 1, row + ", " + col);
      }
    }
    assertEquals(before[0], x[0]);
  }

  /** Rows of random bilinear tables mixed with exact, approximate and wide ones, on dense layers of every K. */
  @Test
  void gemmMatchesTheDefinitionOnRandomBilinearTables() {
    Random r = new Random(6);
    try (Kernels on1 = Kernels.createUnchecked(1, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels on2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels auto2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.AUTO)) {
      int[] ks = {1, 63, 64, 65, 144, 200, 300, 1100};
      for (int trial = 0; trial < ks.length; trial++) {
        MultiplierFormat f = Reference.format(r);
        int kLen = ks[trial];
        int cols = 8 + r.nextInt(250);
        int rows = 1 + r.nextInt(12);
        byte[][] a = new byte[kLen][];
        ActivationPanel panel = ActivationPanel.allocate(kLen, cols);
        for (int k = 0; k < kLen; k++) {
          a[k] = Reference.bytes(r, cols);
          for (int m = 0; m < cols; m++) {
            panel.set(k, m, a[k][m]);
          }
        }
        WeightMatrix w = Reference.weights(r, f, rows, kLen);
        List<ProductTable> tables = mixedBilinear(r, f, rows);
        RowTables t = Reference.compile(tables);
        int[] expected = Reference.gemm(a, w, tables);
        for (Kernels k : List.of(on1, on2, auto2)) {
          int[] c = new int[rows * cols];
          k.gemm(panel, w, t, c);
          assertArrayEquals(expected, c, "K " + kLen + " " + f + " " + k.parallelism() + " threads");
        }
      }
    }
  }

  /** Convolutions (padding, strides, groups) with random bilinear tables: equal to the direct convolution. */
  @Test
  void convolutionMatchesTheDefinitionOnRandomBilinearTables() {
    Random r = new Random(7);
    List<ConvGeometry> shapes = List.of(ConvGeometry.square(16, 12, 16, 3, 1, 1, 1, 1),
        ConvGeometry.square(8, 9, 12, 3, 2, 1, 1, 2), ConvGeometry.square(40, 5, 6, 3, 1, 1, 1, 1),
        ConvGeometry.square(24, 6, 8, 1, 1, 0, 1, 1));
    try (Kernels on1 = Kernels.createUnchecked(1, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels on2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.ON)) {
      for (ConvGeometry g : shapes) {
        MultiplierFormat f = Reference.format(r);
        int batch = 1 + r.nextInt(3);
        byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
        byte pad = (byte) r.nextInt(256);
        WeightMatrix w = Reference.weights(r, f, g.outChannels(), g.reduction());
        List<ProductTable> tables = mixedBilinear(r, f, g.outChannels());
        RowTables t = Reference.compile(tables);
        int[] expected = Reference.conv(g, batch, in, pad, w, tables);
        for (Kernels k : List.of(on1, on2)) {
          int[] out = new int[expected.length];
          k.conv(g, batch, in, pad, w, t, out, null);
          assertArrayEquals(expected, out, g + " " + f + " " + k.parallelism() + " threads");
        }
      }
    }
  }

  /**
   * Every built-in design the detector accepts, on a 3x3 convolution, against the scalar kernel: with the Java
   * kernels and with the native ones (where they loaded, the shifted exact part runs natively, its weights packed).
   */
  @Test
  void everyQualifyingBuiltInDesignMatchesTheScalarKernel() {
    Random r = new Random(9);
    ConvGeometry g = ConvGeometry.square(16, 8, 8, 3, 1, 1, 1, 1);
    int batch = 2;
    byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
    int checked = 0;
    int shifted = 0;
    try (Kernels on2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels native2 = Kernels.createUnchecked(2, KernelMode.NATIVE, BilinearPolicy.ON);
        Kernels scalar = Kernels.create(1, KernelMode.SCALAR)) {
      for (var m : MultiplierCatalog.builtin().all()) {
        ProductTable table = m.table();
        if (table.format().isFloat()) {
          continue;
        }
        LookupTable lt = LookupTable.of(table);
        if (lt.isExact() || lt.bilinear() == null) {
          continue;
        }
        checked++;
        WeightMatrix w = Reference.weights(r, table.format(), g.outChannels(), g.reduction());
        if (NativeKernels.available() && lt.bilinear().shift() != null) {
          assertNotNull(w.shifted(lt.bilinear().shift()).nativeWeights(), m.name() + ": shifted weights packed");
          shifted++;
        }
        RowTables t = RowTables.ofLayer(lt, g.outChannels());
        int[] expected = new int[g.outChannels() * batch * 64];
        scalar.conv(g, batch, in, (byte) 3, w, t, expected, null);
        for (Kernels k : List.of(on2, native2)) {
          int[] out = new int[expected.length];
          k.conv(g, batch, in, (byte) 3, w, t, out, null);
          assertArrayEquals(expected, out, m.name() + " " + k.mode());
        }
      }
    }
    assertEquals(true, checked > 50, "qualifying designs checked: " + checked);
    assertEquals(true, !NativeKernels.available() || shifted > 20, "designs with shifted weights: " + shifted);
  }

  /** Per row: a random bilinear table (two of them), the exact one, a noisy one and a wide one. */
  private static List<ProductTable> mixedBilinear(Random r, MultiplierFormat f, int rows) {
    ProductTable b1 = BilinearFormTest.tableOf(BilinearFormTest.randomForm(r, f));
    ProductTable b2 = BilinearFormTest.tableOf(BilinearFormTest.randomForm(r, f));
    assertNotNull(LookupTable.of(b1).bilinear());
    List<ProductTable> all = List.of(b1, b2, ProductTable.exact(f), Reference.noisy(r, f),
        Reference.random(r, f, true));
    List<ProductTable> tables = new ArrayList<>();
    for (int n = 0; n < rows; n++) {
      tables.add(n < 2 ? all.get(n) : all.get(r.nextInt(4) < 3 ? r.nextInt(2) : 2 + r.nextInt(3)));
    }
    return tables;
  }
}
