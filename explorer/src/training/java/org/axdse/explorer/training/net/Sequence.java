package org.axdse.explorer.training.net;

import java.util.List;

/** Shape, MAC and export helpers for a chain of layers applied one after another. */
final class Sequence {
  private Sequence() {}

  static long[] outputShape(List<NetLayer> layers, long[] in) {
    long[] s = in;
    for (NetLayer l : layers) {
      s = l.outputShape(s);
    }
    return s;
  }

  static long macs(List<NetLayer> layers, long[] in) {
    long total = 0;
    long[] s = in;
    for (NetLayer l : layers) {
      total += l.macs(s);
      s = l.outputShape(s);
    }
    return total;
  }

  static String export(List<NetLayer> layers, ExportContext ctx, String input, long[] in) {
    String x = input;
    long[] s = in;
    for (NetLayer l : layers) {
      x = l.export(ctx, x, s);
      s = l.outputShape(s);
    }
    return x;
  }
}
