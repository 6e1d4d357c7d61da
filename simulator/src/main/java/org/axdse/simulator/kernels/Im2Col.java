package org.axdse.simulator.kernels;

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

  /** What a layer does with one group's panel: it computes output channels {@code [fromRow, toRow)}. */
  @FunctionalInterface
  public interface GroupStep {
    void run(ActivationPanel panel, int group, int fromRow, int toRow);
  }

  /** Packs each group's panel in turn into one reused panel and hands it to {@code step}. */
  public static void eachGroup(ConvGeometry g, int batch, byte[] input, byte padCode, GroupStep step) {
    int perGroup = g.groupOutChannels();
    ActivationPanel panel = ActivationPanel.allocate(g.reduction(), batch * g.outHeight() * g.outWidth());
    for (int group = 0; group < g.groups(); group++) {
      pack(g, batch, input, group, padCode, panel);
      step.run(panel, group, group * perGroup, (group + 1) * perGroup);
    }
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

  /**
   * One panel row (tap ky, kx of one channel) over columns {@code [col0, col0 + cols)}, output row by output row:
   * the valid output columns of the tap ({@code [lo, hi)}: those whose input column lies inside the image) are the
   * same for every output row, so each row is a pad run, a copy (strided when {@code strideW > 1}) and a pad run,
   * with one division per panel row rather than per run (small output widths made those divisions cost as much as
   * the lookups).
   */
  private static void fillRow(ConvGeometry g, byte[] input, int chanBase, int ky, int kx, byte pad, int col0,
      int cols, byte[] dst, int d) {
    int outH = g.outHeight();
    int outW = g.outWidth();
    int h = g.inHeight();
    int w = g.inWidth();
    int sw = g.strideW();
    int dx = kx * g.dilationW() - g.padLeft();
    int lo = Math.min(outW, Math.max(0, (-dx + sw - 1) / sw));
    int hi = Math.max(lo, Math.min(outW, (w - dx + sw - 1) / sw));
    int row = col0 / outW;
    int ox = col0 - row * outW;
    int oy = row % outH;
    int b = row / outH;
    int left = cols;
    while (left > 0) {
      int run = Math.min(outW - ox, left);
      int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
      if (iy < 0 || iy >= h) {
        padRun(dst, d, run, pad);
      } else {
        int a = Math.min(Math.max(lo, ox), ox + run);
        int e = Math.max(a, Math.min(hi, ox + run));
        padRun(dst, d, a - ox, pad);
        int src = chanBase + (b * h + iy) * w + dx;
        if (sw == 1 && e > a) {
          System.arraycopy(input, src + a, dst, d + a - ox, e - a);
        } else if (sw > 1) {
          for (int x = a, o = d + a - ox; x < e; x++, o++) {
            dst[o] = input[src + x * sw];
          }
        }
        padRun(dst, d + e - ox, ox + run - e, pad);
      }
      d += run;
      left -= run;
      ox = 0;
      if (++oy == outH) {
        oy = 0;
        b++;
      }
    }
  }

  /** Pad runs are mostly 0 or 1 bytes long (3x3 kernels): a loop beats a call to Arrays.fill. */
  private static void padRun(byte[] dst, int d, int n, byte pad) {
    for (int i = 0; i < n; i++) {
      dst[d + i] = pad;
    }
  }
}
