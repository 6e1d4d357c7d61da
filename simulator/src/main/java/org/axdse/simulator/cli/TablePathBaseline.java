package org.axdse.simulator.cli;

import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.model.ConvLayer;

/**
 * What the per-layer format benchmarks ({@code bench formats}, {@code bench float-designs}) time against: the s8x8
 * integer table path on one 3x3 convolution of a model, with random input codes and weight codes drawn from
 * {@code random}. {@code accumulators} is the output buffer {@code call} writes, for other calls of the same shape.
 */
record TablePathBaseline(ConvGeometry geometry, long macs, byte[] codes, byte[] weights, int[] accumulators,
    Runnable call) {
  /** The signed 8x8 format of the baseline. */
  static final MultiplierFormat FORMAT = MultiplierFormat.of(8, Signedness.SIGNED);

  /** The baseline's lookup table: one approximate s8x8 design, built once per command. */
  static LookupTable table() {
    return LookupTable.of(KernelsBenchCommand.approximate(FORMAT));
  }

  static TablePathBaseline of(ConvLayer c, int batch, LookupTable table, Kernels kernels, Random random) {
    int h = c.input().shape().dim(1);
    ConvGeometry g = ConvGeometry.square(c.inC(), h, c.outC(), 3, 1, c.window().padTop(), 1, 1);
    byte[] codes = new byte[c.inC() * batch * h * h];
    random.nextBytes(codes);
    byte[] w = new byte[c.outC() * g.reduction()];
    random.nextBytes(w);
    WeightMatrix wm = WeightMatrix.ofCodes(FORMAT, c.outC(), g.reduction(), w);
    RowTables rt = RowTables.ofLayer(table, c.outC());
    int[] acc = new int[c.outC() * batch * g.outHeight() * g.outWidth()];
    return new TablePathBaseline(g, c.macsPerSample() * batch, codes, w, acc,
        () -> kernels.conv(g, batch, codes, (byte) 0, wm, rt, acc, null));
  }
}
