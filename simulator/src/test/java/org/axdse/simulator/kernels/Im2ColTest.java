package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class Im2ColTest {

  @Test
  void panelTimesWeightsIsTheDirectConvolution() {
    Random r = new Random(2);
    List<ConvGeometry> shapes = List.of(
        ConvGeometry.square(3, 8, 4, 3, 1, 1, 1, 1),
        ConvGeometry.square(4, 9, 4, 3, 2, 1, 1, 4),
        ConvGeometry.square(6, 12, 4, 3, 1, 2, 2, 2),
        new ConvGeometry(2, 7, 10, 3, 3, 2, 1, 3, 2, 0, 1, 1, 1, 1, 1));
    for (ConvGeometry g : shapes) {
      int batch = 2;
      MultiplierFormat f = MultiplierFormat.unsigned8x8();
      byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
      byte pad = (byte) 77;
      WeightMatrix w = Reference.weights(r, f, g.outChannels(), g.reduction());
      List<ProductTable> tables = List.of(Reference.noisy(r, f));
      List<ProductTable> perRow = java.util.Collections.nCopies(g.outChannels(), tables.get(0));
      int[] direct = Reference.conv(g, batch, in, pad, w, perRow);
      int m = batch * g.outHeight() * g.outWidth();
      ActivationPanel p = ActivationPanel.allocate(1, 1);
      for (int group = 0; group < g.groups(); group++) {
        Im2Col.pack(g, batch, in, group, pad, p);
        assertEquals(g.reduction(), p.rows());
        assertEquals(m, p.cols());
        for (int i = 0; i < g.groupOutChannels(); i++) {
          int n = group * g.groupOutChannels() + i;
          for (int j = 0; j < m; j++) {
            int sum = 0;
            for (int k = 0; k < p.rows(); k++) {
              sum += tables.get(0).atIndex(((p.get(k, j) & 0xFF) << 8) | w.code(n, k));
            }
            assertEquals(direct[n * m + j], sum, g + " channel " + n + " column " + j);
          }
        }
      }
    }
  }

  @Test
  void paddedTapsReadThePadCode() {
    // 1 channel 2x2 input, 3x3 kernel, pad 1: output (0,0) sees input only at taps (1,1),(1,2),(2,1),(2,2)
    ConvGeometry g = ConvGeometry.square(1, 2, 1, 3, 1, 1, 1, 1);
    byte[] in = {1, 2, 3, 4};
    ActivationPanel p = ActivationPanel.allocate(1, 1);
    Im2Col.pack(g, 1, in, 0, (byte) -9, p);
    byte[] column0 = new byte[9];
    for (int k = 0; k < 9; k++) {
      column0[k] = p.get(k, 0);
    }
    assertEquals(java.util.Arrays.toString(new byte[] {-9, -9, -9, -9, 1, 2, -9, 3, 4}),
        java.util.Arrays.toString(column0));
  }
}
