package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class KernelsConvTest {

  /** Random shapes covering every im2col branch; the fixed ones first so they are always present. */
  private static ConvGeometry geometry(Random r, int trial) {
    return switch (trial) {
      case 0 -> ConvGeometry.square(5, 9, 7, 1, 1, 0, 1, 1);
      case 1 -> ConvGeometry.square(6, 11, 6, 3, 1, 1, 1, 6);
      case 2 -> ConvGeometry.square(8, 10, 4, 3, 2, 1, 1, 2);
      case 3 -> ConvGeometry.square(3, 13, 5, 3, 1, 2, 2, 1);
      case 4 -> new ConvGeometry(4, 9, 12, 6, 2, 3, 2, 1, 0, 2, 1, 0, 1, 2, 2);
      default -> {
        int groups = 1 + r.nextInt(3);
        int k = 1 + r.nextInt(3);
        int dil = 1 + r.nextInt(2);
        int size = dil * (k - 1) + 1 + r.nextInt(12);
        yield ConvGeometry.square(groups * (1 + r.nextInt(4)), size, groups * (1 + r.nextInt(5)), k,
            1 + r.nextInt(2), r.nextInt(3), dil, groups);
      }
    };
  }

  @Test
  void convolutionMatchesDirectConvolutionOnEveryPath() {
    Random r = new Random(21);
    try (Kernels v1 = Kernels.createUnchecked(1, KernelMode.VECTOR);
        Kernels v2 = Kernels.createUnchecked(2, KernelMode.VECTOR);
        Kernels n1 = Kernels.createUnchecked(1, KernelMode.NATIVE);
        Kernels s1 = Kernels.create(1, KernelMode.SCALAR)) {
      for (int trial = 0; trial < 30; trial++) {
        ConvGeometry g = geometry(r, trial);
        int batch = 1 + r.nextInt(3);
        MultiplierFormat f = Reference.format(r);
        byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
        byte pad = (byte) (1 + r.nextInt(250));
        WeightMatrix w = Reference.weights(r, f, g.outChannels(), g.reduction());
        List<ProductTable> tables = Reference.mixed(r, f, g.outChannels());
        RowTables t = Reference.compile(tables);
        int[] expected = Reference.conv(g, batch, in, pad, w, tables);
        int m = batch * g.outHeight() * g.outWidth();
        for (Kernels k : List.of(v1, v2, n1, s1)) {
          int[] out = new int[g.outChannels() * m];
          k.conv(g, batch, in, pad, w, t, out, null);
          assertArrayEquals(expected, out, k.mode() + " x" + k.parallelism() + " " + g + " batch " + batch);
        }
      }
    }
  }

  @Test
  void pointwiseReadsTheInputInPlaceAndStillMatches() {
    // 2 x 100 columns: the first block is read in place, the last one (it would run past the array) is copied
    Random r = new Random(4);
    MultiplierFormat f = MultiplierFormat.signed8x8();
    ConvGeometry g = ConvGeometry.square(6, 10, 5, 1, 1, 0, 1, 1);
    byte[] in = Reference.bytes(r, 6 * 2 * 100);
    WeightMatrix w = Reference.weights(r, f, 5, 6);
    List<ProductTable> tables = Reference.mixed(r, f, 5);
    int[] out = new int[5 * 200];
    try (Kernels v = Kernels.createUnchecked(2, KernelMode.VECTOR)) {
      v.conv(g, 2, in, (byte) 0, w, Reference.compile(tables), out, null);
    }
    assertArrayEquals(Reference.conv(g, 2, in, (byte) 0, w, tables), out);
  }

  @Test
  void columnSumsAreThoseOfTheIm2colPanel() {
    Random r = new Random(9);
    ConvGeometry g = ConvGeometry.square(4, 7, 4, 3, 2, 1, 1, 2);
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    byte[] in = Reference.bytes(r, 4 * 2 * 49);
    byte pad = (byte) 128;
    WeightMatrix w = Reference.weights(r, f, 4, g.reduction());
    int m = 2 * g.outHeight() * g.outWidth();
    int[] sums = new int[2 * m];
    try (Kernels v = Kernels.createUnchecked(2, KernelMode.VECTOR)) {
      v.conv(g, 2, in, pad, w, RowTables.ofLayer(LookupTable.exact(f), 4), new int[4 * m], sums);
    }
    ActivationPanel p = ActivationPanel.allocate(1, 1);
    int[] expected = new int[m];
    for (int group = 0; group < 2; group++) {
      Im2Col.pack(g, 2, in, group, pad, p);
      p.columnSums(false, expected);
      assertArrayEquals(expected, Arrays.copyOfRange(sums, group * m, group * m + m), "group " + group);
    }
    // each group's panel has 2 input channels x 3 x 3 taps
    assertEquals(2 * 9, p.rows());
    // the corner output (0, 0) of the first image reads the pad code (128) at taps with ky = 0 or kx = 0:
    // 5 of 9 per channel, so group 1's sum there is 2 * 5 * 128 plus its 4 inside taps per channel
    int inside = 0;
    for (int c = 2; c < 4; c++) {
      int base = c * 2 * 49;
      inside += (in[base] & 0xFF) + (in[base + 1] & 0xFF) + (in[base + 7] & 0xFF) + (in[base + 8] & 0xFF);
    }
    assertEquals(2 * 5 * 128 + inside, sums[m]);
  }

  @Test
  void mismatchedShapesAreRejected() {
    MultiplierFormat f = MultiplierFormat.signed8x8();
    ConvGeometry g = ConvGeometry.square(2, 5, 3, 3, 1, 1, 1, 1);
    WeightMatrix wrongK = WeightMatrix.ofCodes(f, 3, 17, new byte[3 * 17]);
    RowTables t = RowTables.ofLayer(LookupTable.exact(f), 3);
    try (Kernels k = Kernels.create(1, KernelMode.SCALAR)) {
      assertThrows(IllegalArgumentException.class,
          () -> k.conv(g, 1, new byte[50], (byte) 0, wrongK, t, new int[75], null));
      WeightMatrix w = WeightMatrix.ofCodes(f, 3, 18, new byte[3 * 18]);
      assertThrows(IllegalArgumentException.class,
          () -> k.conv(g, 1, new byte[50], (byte) 0, w, t, new int[74], null));
      assertThrows(IllegalArgumentException.class,
          () -> k.conv(g, 1, new byte[49], (byte) 0, w, t, new int[75], null));
    }
  }
}
