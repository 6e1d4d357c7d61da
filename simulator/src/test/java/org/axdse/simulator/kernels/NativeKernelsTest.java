package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/**
 * The native kernels: they load wherever they were built and the CPU has VNNI, and every exact GEMM and table row
 * they compute equals the definition (int32, wrapping) and the scalar kernel, for signed and unsigned
 * activations, weights of every width, reductions that are not a multiple of 4, narrow blocks, sums that overflow
 * int32, and weights spanning two byte planes. The bilinear designs in native mode: {@link BilinearKernelTest}.
 */
class NativeKernelsTest {

  /** Fails when the library was built and the CPU runs it, but it did not load (a broken build or loader). */
  @Test
  void theKernelLoadsWhereverItWasBuiltAndTheCpuHasVnni() throws IOException {
    boolean built = NativeKernels.class.getResource("native/linux-x86_64/libaxdse_kernels.so") != null;
    Path cpuinfo = Path.of("/proc/cpuinfo");
    boolean vnni = Files.isReadable(cpuinfo) && Files.readAllLines(cpuinfo).stream()
        .filter(l -> l.startsWith("flags"))
        .findFirst()
        .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split(" ")))
        .map(f -> f.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni")))
        .orElse(false);
    assertEquals(built && vnni, NativeKernels.available(), NativeKernels.status());
    if (!NativeKernels.available()) {
      assertTrue(NativeKernels.status().length() > 10, "the status says why: " + NativeKernels.status());
    }
  }

  @Test
  void gemmsEqualTheDefinitionForEveryFormat() {
    assumeTrue(NativeKernels.available(), NativeKernels.status());
    Random r = new Random(11);
    List<MultiplierFormat> formats = List.of(MultiplierFormat.signed8x8(), MultiplierFormat.unsigned8x8(),
        MultiplierFormat.of(4, Signedness.SIGNED), MultiplierFormat.of(3, Signedness.UNSIGNED),
        MultiplierFormat.of(6, Signedness.SIGNED), MultiplierFormat.of(8, Signedness.UNSIGNED));
    int[][] shapes = {{1, 8}, {3, 9}, {4, 64}, {5, 65}, {63, 127}, {144, 128}, {288, 130}, {577, 200}, {1030, 70}};
    try (Kernels n1 = Kernels.createUnchecked(1, KernelMode.NATIVE);
        Kernels n2 = Kernels.createUnchecked(2, KernelMode.NATIVE)) {
      for (MultiplierFormat f : formats) {
        for (int[] shape : shapes) {
          int kLen = shape[0];
          int m = shape[1];
          int rows = 1 + r.nextInt(11);
          byte[][] a = randomActivations(r, kLen, m);
          WeightMatrix w = Reference.weights(r, f, rows, kLen);
          List<ProductTable> exact = java.util.Collections.nCopies(rows, ProductTable.exact(f));
          int[] expected = definition(a, w, f);
          ActivationPanel p = Reference.panel(a);
          String what = f + " K=" + kLen + " M=" + m;
          for (Kernels k : List.of(n1, n2)) {
            int[] c = new int[rows * m];
            k.gemm(p, w, Reference.compile(exact), c);
            assertArrayEquals(expected, c, what);
          }
        }
      }
    }
  }

  /** Unsigned extremes over K = 40,000: the sums pass 2^31 and must wrap as the int32 path's do. */
  @Test
  void sumsBeyondInt32WrapAsTheIntPath() {
    assumeTrue(NativeKernels.available(), NativeKernels.status());
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    int kLen = 40_000;
    int m = 16;
    int rows = 3;
    byte[][] a = new byte[kLen][m];
    int[] values = new int[rows * kLen];
    Random r = new Random(5);
    for (int k = 0; k < kLen; k++) {
      for (int i = 0; i < m; i++) {
        a[k][i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 255);
      }
      for (int n = 0; n < rows; n++) {
        values[n * kLen + k] = n == 0 ? 255 : r.nextInt(256);
      }
    }
    WeightMatrix w = WeightMatrix.ofValues(f, rows, kLen, values);
    int[] expected = definition(a, w, f);
    long full = 0;
    for (int k = 0; k < kLen; k++) {
      full += (a[k][0] & 0xFF) * 255L;
    }
    assertTrue(full > Integer.MAX_VALUE, "the test sum overflows int32: " + full);
    try (Kernels native2 = Kernels.createUnchecked(2, KernelMode.NATIVE);
        Kernels scalar = Kernels.create(1, KernelMode.SCALAR)) {
      RowTables t = Reference.compile(java.util.Collections.nCopies(rows, ProductTable.exact(f)));
      int[] c = new int[rows * m];
      native2.gemm(Reference.panel(a), w, t, c);
      assertArrayEquals(expected, c);
      int[] s = new int[rows * m];
      scalar.gemm(Reference.panel(a), w, t, s);
      assertArrayEquals(s, c, "native = scalar");
    }
  }

  /** Values spanning more than a byte (the shifted weights of bilinear designs) take two planes; wider: none. */
  @Test
  void wideValuesTakeTwoPlanesAndStillEqualTheDefinition() {
    assumeTrue(NativeKernels.available(), NativeKernels.status());
    Random r = new Random(17);
    for (int[] range : new int[][] {{-131, 127}, {-1000, 20000}, {0, 32767}, {-128, 127}, {5, 260}}) {
      int kLen = 1 + r.nextInt(700);
      int rows = 1 + r.nextInt(9);
      int cols = 1 + r.nextInt(128);
      int[] values = new int[rows * kLen];
      for (int i = 0; i < values.length; i++) {
        values[i] = range[0] + r.nextInt(range[1] - range[0] + 1);
      }
      values[0] = range[0];
      values[values.length - 1] = range[1];
      NativeWeights nw = NativeWeights.of(values, rows, kLen);
      assertNotNull(nw);
      assertEquals(range[1] - range[0] <= 255 ? 1 : 2, nw.planes(), "planes for " + range[0] + ".." + range[1]);
      for (boolean signed : new boolean[] {true, false}) {
        int lda = 128;
        byte[] a = Reference.bytes(r, kLen * lda + 64);
        int[] rowList = new int[rows];
        for (int n = 0; n < rows; n++) {
          rowList[n] = rows - 1 - n;
        }
        int ldc = cols + 3;
        int[] c = new int[rows * ldc];
        assertTrue(nw.gemm(a, 0, lda, cols, kLen, signed, rowList, rows, c, ldc, 2, work(kLen)));
        for (int n = 0; n < rows; n++) {
          for (int i = 0; i < cols; i++) {
            int s = 0;
            for (int k = 0; k < kLen; k++) {
              int code = signed ? a[k * lda + i] : a[k * lda + i] & 0xFF;
              s += code * values[n * kLen + k];
            }
            assertEquals(s, c[n * ldc + 2 + i], "range " + range[0] + ".." + range[1] + " row " + n + " col " + i);
          }
          assertEquals(0, c[n * ldc], "columns before col0 untouched");
          assertEquals(0, c[n * ldc + 2 + cols], "columns after the block untouched");
        }
      }
    }
    assertNull(NativeWeights.of(new int[] {0, NativeWeights.MAX_SPAN}, 1, 2), "a span of 2^15 is not packed");
  }

  /**
   * Per-channel mixes of exact, approximate, arbitrary 16-bit and wide tables (so native table rows, exact rows
   * and Java rows share blocks), tables with all-zero rows for code 0 only and for other codes (the two skip
   * kinds), in GEMMs and convolutions of every format, on 1 and 2 threads, against the scalar kernel.
   */
  @Test
  void tableRowsEqualTheScalarKernel() {
    assumeTrue(NativeKernels.tablesAvailable(), NativeKernels.status() + ", VBMI needed");
    Random r = new Random(29);
    try (Kernels n1 = Kernels.createUnchecked(1, KernelMode.NATIVE);
        Kernels n2 = Kernels.createUnchecked(2, KernelMode.NATIVE);
        Kernels scalar = Kernels.create(1, KernelMode.SCALAR)) {
      for (int trial = 0; trial < 24; trial++) {
        MultiplierFormat f = Reference.format(r);
        int rows = 1 + r.nextInt(20);
        List<ProductTable> tables = new java.util.ArrayList<>(Reference.mixed(r, f, rows));
        tables.set(0, zeroRows(Reference.noisy(r, f), f, trial % 2 == 0 ? new int[] {0} : new int[] {0, 1}));
        RowTables t = Reference.compile(tables);
        if (trial % 3 == 0) {
          ConvGeometry g = ConvGeometry.square(1 + r.nextInt(9), 5 + r.nextInt(10), rows, 1 + 2 * r.nextInt(2),
              1 + r.nextInt(2), r.nextInt(2), 1, 1);
          int batch = 1 + r.nextInt(3);
          byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
          WeightMatrix w = Reference.weights(r, f, g.outChannels(), g.reduction());
          int size = g.outChannels() * batch * g.outHeight() * g.outWidth();
          int[] expected = new int[size];
          scalar.conv(g, batch, in, (byte) 1, w, t, expected, null);
          for (Kernels k : List.of(n1, n2)) {
            int[] out = new int[size];
            k.conv(g, batch, in, (byte) 1, w, t, out, null);
            assertArrayEquals(expected, out, f + " " + g + " trial " + trial);
          }
        } else {
          int kLen = 1 + r.nextInt(trial % 2 == 0 ? 40 : 700);
          int m = 8 + r.nextInt(250);
          byte[][] a = randomActivations(r, kLen, m);
          WeightMatrix w = Reference.weights(r, f, rows, kLen);
          int[] expected = new int[rows * m];
          scalar.gemm(Reference.panel(a), w, t, expected);
          for (Kernels k : List.of(n1, n2)) {
            int[] c = new int[rows * m];
            k.gemm(Reference.panel(a), w, t, c);
            assertArrayEquals(expected, c, f + " K=" + kLen + " M=" + m + " trial " + trial);
          }
        }
      }
    }
  }

  /** {@code table} with the products of the given weight codes set to zero (all-zero table rows). */
  private static ProductTable zeroRows(ProductTable table, MultiplierFormat f, int[] codes) {
    int[] p = table.toArray();
    int weights = 1 << f.weightBits();
    for (int a = 0; a < p.length / weights; a++) {
      for (int code : codes) {
        p[(a << f.weightBits()) | code] = 0;
      }
    }
    ProductTable z = ProductTable.of(f, p);
    assertEquals(codes.length == 1 ? LookupTable.SKIP_CODE_ZERO : LookupTable.SKIP_FILTER,
        LookupTable.of(z).skipKind(), "skip kind");
    return z;
  }

  /** An index outside an array is refused before the kernel reads or writes. */
  @Test
  void outOfRangeArgumentsAreRefused() {
    assumeTrue(NativeKernels.available(), NativeKernels.status());
    NativeWeights nw = NativeWeights.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    byte[] a = new byte[3 * 64];
    int[] c = new int[2 * 64];
    byte[] work = work(3);
    assertTrue(nw.gemm(a, 0, 64, 64, 3, true, new int[] {0, 1}, 2, c, 64, 0, work));
    assertThrows(IllegalArgumentException.class,
        () -> nw.gemm(a, 1, 64, 64, 3, true, new int[] {0, 1}, 2, c, 64, 0, work), "activations past the end");
    assertThrows(IllegalArgumentException.class,
        () -> nw.gemm(a, 0, 64, 64, 3, true, new int[] {0, 2}, 2, c, 64, 0, work), "a row the weights lack");
    assertThrows(IllegalArgumentException.class,
        () -> nw.gemm(a, 0, 64, 64, 3, true, new int[] {0, 1}, 2, c, 64, 1, work), "outputs past the end");
    assertThrows(IllegalArgumentException.class,
        () -> nw.gemm(a, 0, 64, 64, 3, true, new int[] {0, 1}, 2, c, 64, 0, new byte[100]), "scratch too short");
  }

  private static byte[][] randomActivations(Random r, int kLen, int m) {
    byte[][] a = new byte[kLen][m];
    for (byte[] row : a) {
      r.nextBytes(row);
    }
    return a;
  }

  private static byte[] work(int kLen) {
    return new byte[NativeKernels.workBytes(kLen)];
  }

  /** {@code sum_k a * w} in int32 (wrapping), activation codes signed or unsigned as the format's. */
  private static int[] definition(byte[][] a, WeightMatrix w, MultiplierFormat f) {
    int m = a[0].length;
    int[] out = new int[w.rows() * m];
    int[] values = w.valuesArray();
    for (int n = 0; n < w.rows(); n++) {
      for (int i = 0; i < m; i++) {
        int s = 0;
        for (int k = 0; k < w.cols(); k++) {
          int code = f.signed() ? a[k][i] : a[k][i] & 0xFF;
          s += code * values[n * w.cols() + k];
        }
        out[n * m + i] = s;
      }
    }
    return out;
  }
}
