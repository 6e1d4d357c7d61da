package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#convPieces} (two 16-bit piece tables in one pass) against the direct convolution with each piece
 * as an ordinary table ({@link Reference#conv}), on random shapes (every im2col branch, groups, strides, one to
 * three batch images, so blocks of fewer than 8, fewer than 64 and more than 64 columns) and reductions longer than
 * the kernel's 256-addition flush, random piece entries over the whole unsigned 16-bit range (so both bytes of
 * each plane matter), signed and unsigned codes, vector and scalar kernels, 1 and 2 threads; the column sums equal
 * those of {@link Kernels#conv}.
 */
class PieceTablesConvTest {
  private static int[] pieces(Random r) {
    int[] t = new int[1 << 16];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextInt(1 << 16);
    }
    return t;
  }

  private static ConvGeometry geometry(Random r, int trial) {
    return switch (trial) {
      case 0 -> ConvGeometry.square(32, 8, 5, 3, 1, 1, 1, 1); // K = 288 > 256: two flush chunks
      case 1 -> ConvGeometry.square(6, 11, 6, 3, 1, 1, 1, 6);
      case 2 -> ConvGeometry.square(5, 9, 7, 1, 1, 0, 1, 1);
      case 3 -> ConvGeometry.square(8, 10, 4, 3, 2, 1, 1, 2);
      case 4 -> ConvGeometry.square(3, 2, 4, 1, 1, 0, 1, 1); // 4 columns: the scalar fallback
      default -> {
        int groups = 1 + r.nextInt(2);
        int k = 1 + r.nextInt(3);
        int size = k + r.nextInt(12);
        yield ConvGeometry.square(groups * (1 + r.nextInt(40)), size, groups * (1 + r.nextInt(5)), k,
            1 + r.nextInt(2), r.nextInt(2), 1, groups);
      }
    };
  }

  @Test
  void onePassEqualsEachPieceAsAnOrdinaryTable() {
    Random r = new Random(33);
    try (Kernels v1 = Kernels.createUnchecked(1, KernelMode.VECTOR);
        Kernels v2 = Kernels.createUnchecked(2, KernelMode.VECTOR);
        Kernels s1 = Kernels.create(1, KernelMode.SCALAR)) {
      for (int trial = 0; trial < 16; trial++) {
        ConvGeometry g = geometry(r, trial);
        int batch = 1 + r.nextInt(3);
        MultiplierFormat f = r.nextBoolean() ? MultiplierFormat.signed8x8() : MultiplierFormat.unsigned8x8();
        byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
        byte pad = (byte) r.nextInt(256);
        WeightMatrix w = Reference.weights(r, f, g.outChannels(), g.reduction());
        int[] low = pieces(r);
        int[] high = pieces(r);
        ProductTable lowTable = ProductTable.of(f, low);
        ProductTable highTable = ProductTable.of(f, high);
        PieceTables both = PieceTables.of(LookupTable.of(lowTable), LookupTable.of(highTable));
        int[] want0 = Reference.conv(g, batch, in, pad, w, Collections.nCopies(g.outChannels(), lowTable));
        int[] want1 = Reference.conv(g, batch, in, pad, w, Collections.nCopies(g.outChannels(), highTable));
        int m = batch * g.outHeight() * g.outWidth();
        int[] wantSums = new int[g.groups() * m];
        s1.conv(g, batch, in, pad, w, RowTables.ofLayer(LookupTable.of(lowTable), g.outChannels()),
            new int[g.outChannels() * m], wantSums);
        for (Kernels k : List.of(v1, v2, s1)) {
          int[] out0 = new int[g.outChannels() * m];
          int[] out1 = new int[g.outChannels() * m];
          int[] sums = new int[g.groups() * m];
          k.convPieces(g, batch, in, pad, w, both, out0, out1, sums);
          String what = k.mode() + " x" + k.parallelism() + " " + g + " batch " + batch + " " + f;
          assertArrayEquals(want0, out0, "low piece, " + what);
          assertArrayEquals(want1, out1, "high piece, " + what);
          assertArrayEquals(wantSums, sums, "column sums, " + what);
        }
      }
    }
  }

  @Test
  void piecesOutsideSixteenBitsOrOfAFloatFormatAreRefused() {
    MultiplierFormat f = MultiplierFormat.signed8x8();
    LookupTable ok = LookupTable.of(ProductTable.of(f, new int[1 << 16]));
    int[] negative = new int[1 << 16];
    negative[7] = -1;
    LookupTable bad = LookupTable.of(ProductTable.of(f, negative));
    assertThrows(IllegalArgumentException.class, () -> PieceTables.of(ok, bad), "an entry below 0");
    MultiplierFormat narrow = MultiplierFormat.of(4, Signedness.SIGNED);
    LookupTable four = LookupTable.of(ProductTable.of(narrow, new int[narrow.tableSize()]));
    assertThrows(IllegalArgumentException.class, () -> PieceTables.of(four, four), "4-bit weights");
    assertThrows(IllegalArgumentException.class,
        () -> PieceTables.of(ok, LookupTable.of(ProductTable.of(MultiplierFormat.unsigned8x8(), new int[1 << 16]))),
        "two formats");
  }
}
