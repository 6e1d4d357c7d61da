package org.axdse.simulator.model;

/**
 * The im2col patch matrix of one convolution group for one sample, as the float reference builds it: {@code [K,
 * P]} row-major, {@code K = inC/groups * kH * kW} (row {@code (c*kH + ky)*kW + kx}), {@code P = outH * outW},
 * padding taps 0. For other executors of a {@link ConvLayer} that must see exactly the reference's operands.
 */
public final class PatchMatrix {
  private PatchMatrix() {}

  /** Fills {@code col} (at least {@code K * P} long) from the sample at {@code inOff} of {@code in}. */
  public static void fill(ConvLayer l, float[] in, int inOff, int group, float[] col) {
    Shape is = l.input().shape();
    Shape os = l.output().shape();
    int cinG = l.inC() / l.groups();
    FloatConv.im2col(in, inOff + group * cinG * is.dim(1) * is.dim(2), cinG, is.dim(1), is.dim(2), l.window(),
        os.dim(1), os.dim(2), col);
  }
}
