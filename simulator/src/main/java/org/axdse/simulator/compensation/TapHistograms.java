package org.axdse.simulator.compensation;

import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Window;

/**
 * The activation codes each weight position of a convolution or dense layer multiplies, counted over every output
 * position: for group {@code g} and reduction index {@code k} (the weight layout {@code [inC/g][kH][kW]}, or the
 * input feature of a dense layer), {@code count(g, k, code)}. Padding taps count as the input zero point, which is
 * what the kernels feed the multiplier there. The mean accumulator error of an output channel follows exactly from
 * these counts and the product table. Mutable; fed batch by batch from a tensor tap on one thread.
 */
public final class TapHistograms {
  private final ApproximableLayer layer;
  private final int groups;
  private final int k;
  private final int padCode;
  private final long[] counts;
  private long positions;

  TapHistograms(ApproximableLayer layer, int padCode) {
    this.layer = layer;
    this.padCode = padCode & 0xFF;
    switch (layer) {
      case ConvLayer c -> {
        this.groups = c.groups();
        this.k = c.fanIn();
      }
      case DenseLayer d -> {
        this.groups = 1;
        this.k = d.inFeatures();
      }
      default -> throw new IllegalArgumentException(layer.name() + ": only convolution and dense layers");
    }
    this.counts = new long[Math.multiplyExact(groups * k, 256)];
  }

  /** Reduction length per group. */
  public int reduction() {
    return k;
  }

  public int groups() {
    return groups;
  }

  /** Output positions counted per group (the number of accumulators of each channel). */
  public long positions() {
    return positions;
  }

  /** The counts of group {@code g}, index {@code k}: 256 entries by code bit pattern, at {@code offset(g, k)}. */
  public long[] counts() {
    return counts;
  }

  public int offset(int g, int kk) {
    return (g * k + kk) * 256;
  }

  /** Adds one batch of the layer's input tensor, in the layout the engine keeps it. */
  void add(byte[] codes, int batch, int perSample, boolean channelMajor) {
    int d0 = layer.input().shape().dim(0);
    int rest = perSample / d0;
    byte[] x = new byte[perSample];
    for (int s = 0; s < batch; s++) {
      for (int i = 0; i < perSample; i++) {
        x[i] = channelMajor ? codes[((i / rest) * batch + s) * rest + i % rest] : codes[s * perSample + i];
      }
      if (layer instanceof ConvLayer c) {
        addConv(c, x);
      } else {
        addDense(x, perSample);
      }
    }
  }

  private void addDense(byte[] x, int perSample) {
    int rows = perSample / k;
    for (int r = 0; r < rows; r++) {
      for (int kk = 0; kk < k; kk++) {
        counts[kk * 256 + (x[r * k + kk] & 0xFF)]++;
      }
    }
    positions += rows;
  }

  private void addConv(ConvLayer c, byte[] x) {
    Window w = c.window();
    int h = c.input().shape().dim(1);
    int wd = c.input().shape().dim(2);
    int oh = w.outH(h);
    int ow = w.outW(wd);
    int cg = c.inC() / groups;
    for (int g = 0; g < groups; g++) {
      for (int ci = 0; ci < cg; ci++) {
        int plane = (g * cg + ci) * h * wd;
        for (int ky = 0; ky < w.kH(); ky++) {
          for (int kx = 0; kx < w.kW(); kx++) {
            int base = offset(g, (ci * w.kH() + ky) * w.kW() + kx);
            for (int oy = 0; oy < oh; oy++) {
              int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
              boolean rowIn = iy >= 0 && iy < h;
              for (int ox = 0; ox < ow; ox++) {
                int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                int code = rowIn && ix >= 0 && ix < wd ? x[plane + iy * wd + ix] & 0xFF : padCode;
                counts[base + code]++;
              }
            }
          }
        }
      }
    }
    positions += (long) oh * ow;
  }
}
