package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector im2col of same-size stride-1 convolutions writes the panel of the row-by-row {@link Im2Col}. */
class ShiftedIm2ColTest {

  /** ResNet-20's stride-1 shapes, then random same-size ones (odd and even kernels, dilation, uneven pads). */
  private static List<ConvGeometry> shapes(Random r) {
    List<ConvGeometry> shapes = new ArrayList<>(List.of(
        ConvGeometry.square(3, 32, 16, 3, 1, 1, 1, 1),
        ConvGeometry.square(16, 32, 16, 3, 1, 1, 1, 1),
        ConvGeometry.square(32, 16, 32, 3, 1, 1, 1, 1),
        ConvGeometry.square(64, 8, 64, 3, 1, 1, 1, 1),
        ConvGeometry.square(8, 16, 8, 3, 1, 1, 1, 8)));
    for (int i = 0; i < 40; i++) {
      int groups = 1 + r.nextInt(3);
      int kh = 1 + r.nextInt(5);
      int kw = 1 + r.nextInt(5);
      int dil = 1 + r.nextInt(2);
      int spanH = (kh - 1) * dil;
      int spanW = (kw - 1) * dil;
      int top = r.nextInt(spanH + 1);
      int left = r.nextInt(spanW + 1);
      int h = 1 + r.nextInt(20);
      int w = 1 + r.nextInt(20);
      shapes.add(new ConvGeometry(groups * (1 + r.nextInt(3)), h, w, groups, kh, kw, 1, 1, top, left, spanH - top,
          spanW - left, dil, dil, groups));
    }
    return shapes;
  }

  @Test
  void fillsThePanelOfTheRowByRowIm2col() {
    Random r = new Random(17);
    for (ConvGeometry g : shapes(r)) {
      assertTrue(ShiftedIm2Col.applies(g), g.toString());
      int batch = 1 + r.nextInt(4);
      byte[] in = Reference.bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
      byte pad = (byte) r.nextInt(256);
      int m = batch * g.outHeight() * g.outWidth();
      int kLen = g.reduction();
      byte[] expected = new byte[kLen * Scratch.BLOCK];
      byte[] actual = new byte[kLen * Scratch.BLOCK];
      byte[] pos = new byte[ShiftedIm2Col.POSITIONS];
      for (int group = 0; group < g.groups(); group++) {
        for (int col0 = 0; col0 < m; col0 += Scratch.BLOCK) {
          int cols = Math.min(Scratch.BLOCK, m - col0);
          Im2Col.fill(g, batch, in, group, pad, col0, cols, expected, 0, Scratch.BLOCK);
          ShiftedIm2Col.fill(g, batch, in, group, pad, col0, cols, actual, 0, Scratch.BLOCK, pos);
          for (int k = 0; k < kLen; k++) {
            for (int i = 0; i < cols; i++) {
              assertEquals(expected[k * Scratch.BLOCK + i], actual[k * Scratch.BLOCK + i],
                  g + " batch " + batch + " group " + group + " k " + k + " column " + (col0 + i));
            }
          }
        }
      }
    }
  }

  @Test
  void stridesAndShrinkingOutputsKeepTheRowByRowPath() {
    assertFalse(ShiftedIm2Col.applies(ConvGeometry.square(16, 32, 32, 3, 2, 1, 1, 1)));
    assertFalse(ShiftedIm2Col.applies(ConvGeometry.square(16, 32, 32, 3, 1, 0, 1, 1)));
    assertFalse(ShiftedIm2Col.applies(ConvGeometry.square(2, 130, 2, 3, 1, 1, 1, 1)));
  }
}
