package org.axdse.simulator.kernels;

import java.util.Arrays;

/**
 * Lowers a convolution to a GEMM: fills the K x M activation panel of one group, where row
 * {@code k = (c * kH + ky) * kW + kx} (c counted within the group) and column {@code m = (b * outH + oy) * outW +
 * ox}. Input and output activations are channel-major, {@code [channels][batch][height][width]}, so one layer's
 * output is the next layer's input without a transpose.
 *
 * <p>Positions outside the input read {@code padCode}: the code of real zero, which is the zero point in
 * asymmetric quantization. Unit-stride rows are copied as runs; other strides element by element.
 */
public final class Im2Col {
  private Im2Col() {}

  /** Fills {@code out} (reshaped to {@code reduction x batch*outH*outW}) with the panel of {@code group}. */
  public static void pack(ConvGeometry g, int batch, byte[] input, int group, byte padCode, ActivationPanel out) {
    checkInput(g, batch, input);
    if (group < 0 || group >= g.groups()) {
      throw new IllegalArgumentException("group " + group + " outside 0.." + (g.groups() - 1));
    }
    int m = batch * g.outHeight() * g.outWidth();
    out.reshape(g.reduction(), m);
    fill(g, batch, input, group, padCode, 0, m, out.data(), 0, out.stride());
  }

  static void checkInput(ConvGeometry g, int batch, byte[] input) {
    if (batch <= 0) {
      throw new IllegalArgumentException("batch must be positive, got " + batch);
    }
    long need = (long) g.inChannels() * batch * g.inHeight() * g.inWidth();
    if (input == null || input.length < need) {
      throw new IllegalArgumentException("input needs " + need + " codes for " + g + " x " + batch);
    }
  }

  /** Fills panel columns {@code [col0, col0 + cols)} of {@code group}; row k goes to {@code dst[off + k * ld]}. */
  static void fill(ConvGeometry g, int batch, byte[] input, int group, byte pad, int col0, int cols,
      byte[] dst, int off, int ld) {
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    int plane = g.inHeight() * g.inWidth();
    int cg = g.groupInChannels();
    for (int c = 0; c < cg; c++) {
      int chanBase = (group * cg + c) * batch * plane;
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
          int k = (c * kh + ky) * kw + kx;
          fillRow(g, input, chanBase, ky, kx, pad, col0, cols, dst, off + k * ld);
        }
      }
    }
  }

  private static void fillRow(ConvGeometry g, byte[] input, int chanBase, int ky, int kx, byte pad, int col0,
      int cols, byte[] dst, int d) {
    int outH = g.outHeight();
    int outW = g.outWidth();
    int h = g.inHeight();
    int w = g.inWidth();
    int sw = g.strideW();
    int dx = kx * g.dilationW() - g.padLeft();
    int m = col0;
    int end = col0 + cols;
    while (m < end) {
      int ox0 = m % outW;
      int row = m / outW;
      int oy = row % outH;
      int b = row / outH;
      int run = Math.min(outW - ox0, end - m);
      int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
      if (iy < 0 || iy >= h) {
        Arrays.fill(dst, d, d + run, pad);
      } else {
        int src = chanBase + (b * h + iy) * w;
        if (sw == 1) {
          int ix0 = ox0 + dx;
          int lo = Math.min(run, Math.max(0, -ix0));
          int hi = Math.max(lo, Math.min(run, w - ix0));
          Arrays.fill(dst, d, d + lo, pad);
          System.arraycopy(input, src + ix0 + lo, dst, d + lo, hi - lo);
          Arrays.fill(dst, d + hi, d + run, pad);
        } else {
          for (int i = 0; i < run; i++) {
            int ix = (ox0 + i) * sw + dx;
            dst[d + i] = ix < 0 || ix >= w ? pad : input[src + ix];
          }
        }
      }
      m += run;
      d += run;
    }
  }
}
