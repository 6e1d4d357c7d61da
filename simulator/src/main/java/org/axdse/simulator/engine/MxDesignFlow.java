package org.axdse.simulator.engine;

import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.library.BlockScaledDesigns;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Im2Col;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.MxTableGemm;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * A convolution or dense layer of the integer engine whose multiplier is a float design with OCP MX block scales
 * ({@link BlockScaledDesigns}, {@code e4m3_lmul_mx32}): as {@link FloatDesignFlow}, but instead of one scale per
 * tensor or channel, every block of 32 values along the reduction axis shares a power-of-two scale {@code 2^X},
 * {@code X = floor(log2 amax) - emax} (clamped to E8M0's {@code [-127, 127]}; OCP MX v1.0), and each value becomes
 * the element code of {@code v / 2^X} (round to nearest, ties to even, saturating at the largest finite value).
 *
 * <ul>
 *   <li>Blocks: channels {@code 32j .. 32j+31} of the layer's group at one kernel tap (a convolution's reduction
 *       index is {@code k = (c * kH + ky) * kW + kx}), 32 consecutive features of a dense layer; the last block of a
 *       group may be shorter.
 *   <li>Weights: the model's float weights, one exponent per (output channel, block), rounded once.
 *   <li>Activations: dynamic, one exponent per (image, input position, block): input code {@code x} means {@code
 *       s_in * (x - z_in)}; padding is 0, and a block of zeros stays 0.
 *   <li>Sums: each block's products come from the design's product table (exact value, {@link FloatProduct}) and
 *       are summed in double in channel order (exact: a block holds at most 32 products of at most 36 bits for
 *       E4M3); the partial sum is scaled by {@code 2^X_w} and then {@code 2^X_a} (exact: powers of two, far from
 *       the double range's ends, so the same as one scaling by {@code 2^(X_a + X_w)}) and added to a double
 *       total, blocks in order (channel block, then tap), vectorized over columns ({@link MxTableGemm}). Each
 *       output on one thread: identical on every thread count.
 *   <li>Back to the engine: {@link FloatAccumulators} with unit 1 (the sum is in real units).
 * </ul>
 */
public final class MxDesignFlow implements LayerDataflow {
  private final int rows;
  private final int k;
  private final int blocks;
  private final int[] order;
  private final int[] blockStart;
  private final int[] weightCodes;
  private final int[] weightExponent;
  private final double[] products;
  private final double[] weightScale;
  private final boolean scalar;
  private final Minifloat element;
  private final int[] codeExponent;
  private final int lowExponent;
  private final int[][] elementCode;
  private final boolean signedInput;
  private final FloatAccumulators accumulators;

  private MxDesignFlow(ApproximableLayer layer, LayerQuantization q, Multiplier design, boolean scalar) {
    this.scalar = scalar;
    Minifloat f = design.format().element();
    if (f == null) {
      throw new IllegalArgumentException(design.name() + " is not a float multiplier");
    }
    float[] w;
    int taps;
    if (layer instanceof ConvLayer c) {
      rows = c.outC();
      w = c.weights();
      taps = c.window().kH() * c.window().kW();
    } else if (layer instanceof DenseLayer d) {
      rows = d.outFeatures();
      w = d.weights();
      taps = 1;
    } else {
      throw new IllegalArgumentException("layer '" + layer.name() + "' is not a convolution or dense layer");
    }
    this.k = w.length / rows;
    int channels = k / taps;
    int channelBlocks = (channels + BlockScaledDesigns.BLOCK - 1) / BlockScaledDesigns.BLOCK;
    this.blocks = channelBlocks * taps;
    this.order = new int[k];
    this.blockStart = new int[blocks + 1];
    int i = 0;
    for (int j = 0; j < channelBlocks; j++) {
      for (int t = 0; t < taps; t++) {
        blockStart[j * taps + t] = i;
        for (int c = j * BlockScaledDesigns.BLOCK; c < Math.min(channels, (j + 1) * BlockScaledDesigns.BLOCK); c++) {
          order[i++] = c * taps + t;
        }
      }
    }
    blockStart[blocks] = k;
    int emax = Math.getExponent(f.maxFinite());
    this.weightCodes = new int[rows * k];
    this.weightExponent = new int[rows * blocks];
    for (int n = 0; n < rows; n++) {
      for (int b = 0; b < blocks; b++) {
        double amax = 0;
        for (int p = blockStart[b]; p < blockStart[b + 1]; p++) {
          amax = Math.max(amax, Math.abs(w[n * k + order[p]]));
        }
        int x = amax == 0 ? 0 : shared(Math.getExponent(amax), emax);
        weightExponent[n * blocks + b] = x;
        for (int p = blockStart[b]; p < blockStart[b + 1]; p++) {
          weightCodes[n * k + p] = encode(f, Math.scalb((double) w[n * k + order[p]], -x));
        }
      }
    }
    QuantParams in = q.input();
    this.signedInput = in.signed();
    this.codeExponent = new int[256];
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int b = 0; b < 256; b++) {
      double v = in.dequantize(signedInput ? (byte) b : b);
      codeExponent[b] = v == 0 ? Integer.MIN_VALUE : shared(Math.getExponent(v), emax);
      if (v != 0) {
        lo = Math.min(lo, codeExponent[b]);
        hi = Math.max(hi, codeExponent[b]);
      }
    }
    this.lowExponent = lo == Integer.MAX_VALUE ? 0 : lo;
    this.elementCode = new int[Math.max(1, hi - lowExponent + 1)][256];
    for (int x = 0; x < elementCode.length; x++) {
      for (int b = 0; b < 256; b++) {
        elementCode[x][b] = encode(f, Math.scalb(in.dequantize(signedInput ? (byte) b : b), -(x + lowExponent)));
      }
    }
    ProductTable table = design.table();
    int codes = 1 << f.bits();
    this.products = new double[codes << 8];
    for (int a = 0; a < codes; a++) {
      for (int c = 0; c < codes; c++) {
        products[(c << 8) | a] = FloatProduct.unpack(table.product(a, c)).value();
      }
    }
    this.weightScale = new double[weightExponent.length];
    for (int e = 0; e < weightScale.length; e++) {
      weightScale[e] = Math.scalb(1.0, weightExponent[e]);
    }
    this.element = f;
    this.accumulators = new FloatAccumulators(q, rows, k, filled(rows, 1.0));
  }

  /** The block-scaled layer of {@code layer} with quantization {@code q} and float design {@code design}. */
  public static MxDesignFlow of(ApproximableLayer layer, LayerQuantization q, Multiplier design) {
    return new MxDesignFlow(layer, q, design, false);
  }

  /** The same layer summed by the scalar loop ({@link MxTableGemm#sumsScalar}): the same sums, for tests. */
  static MxDesignFlow scalarReference(ApproximableLayer layer, LayerQuantization q, Multiplier design) {
    return new MxDesignFlow(layer, q, design, true);
  }

  /** The E8M0 exponent of a block whose largest magnitude has exponent {@code e}. */
  private static int shared(int e, int emax) {
    return Math.max(-127, Math.min(127, e - emax));
  }

  /** The element code nearest {@code v}, ties to even, saturating at the largest finite value. */
  private static int encode(Minifloat f, double v) {
    double m = f.maxFinite();
    return f.encode(Math.max(-m, Math.min(m, v)));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** Every rounded weight with its block scale, {@code 2^X * decode(code)}, in the layer's weight layout. */
  double[] roundedWeights() {
    double[] out = new double[rows * k];
    for (int n = 0; n < rows; n++) {
      for (int b = 0; b < blocks; b++) {
        for (int p = blockStart[b]; p < blockStart[b + 1]; p++) {
          out[n * k + order[p]] = Math.scalb(element.decode(weightCodes[n * k + p]), weightExponent[n * blocks + b]);
        }
      }
    }
    return out;
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    g.requireShape(rows, k);
    int m = batch * g.outHeight() * g.outWidth();
    Im2Col.eachGroup(g, batch, input, padCode, (panel, group, from, to) -> {
      double[] sums = sums(panel, from, to, kernels);
      int[] cs = columnSums(panel, columnSums != null);
      for (int n = from; n < to; n++) {
        for (int col = 0; col < m; col++) {
          acc[n * m + col] = accumulators.of(sums[(n - from) * m + col], n, cs[col]);
        }
      }
      if (columnSums != null) {
        System.arraycopy(cs, 0, columnSums, group * m, m);
      }
    });
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    if (panel.rows() != k) {
      throw new IllegalArgumentException("panel has " + panel.rows() + " rows for reduction " + k);
    }
    int m = panel.cols();
    double[] sums = sums(panel, 0, rows, kernels);
    int[] cs = columnSums(panel, false);
    for (int n = 0; n < rows; n++) {
      for (int col = 0; col < m; col++) {
        acc[n * m + col] = accumulators.of(sums[n * m + col], n, cs[col]);
      }
    }
  }

  /** The panel's column sums of input codes, or zeros when no weight has a zero point and none are wanted. */
  private int[] columnSums(ActivationPanel p, boolean wanted) {
    int[] s = new int[p.cols()];
    if (wanted || !accumulators.weightsSymmetric()) {
      p.columnSums(signedInput, s);
    }
    return s;
  }

  /**
   * The block-scaled sums of rows {@code [nFrom, nTo)} over the panel's columns, in real units, {@code
   * sums[(n - nFrom) * M + col]}: tiles of {@link MxTableGemm#TILE} columns, each on one thread.
   */
  double[] sums(ActivationPanel p, int nFrom, int nTo, Kernels kernels) {
    int m = p.cols();
    double[] out = new double[(nTo - nFrom) * m];
    int tile = MxTableGemm.TILE;
    int tasks = (m + tile - 1) / tile;
    kernels.parallelFor(tasks, t -> {
      int c0 = t * tile;
      int width = Math.min(m, c0 + tile) - c0;
      int[] codes = new int[k * tile];
      double[] aScale = new double[blocks * tile];
      for (int j = 0; j < width; j++) {
        column(p, c0 + j, j, codes, aScale);
      }
      double[] tileOut = new double[(nTo - nFrom) * tile];
      if (scalar) {
        MxTableGemm.sumsScalar(products, weightCodes, k, blockStart, weightScale, nFrom, nTo, codes, aScale, width,
            tileOut);
      } else {
        MxTableGemm.sums(products, weightCodes, k, blockStart, weightScale, nFrom, nTo, codes, aScale, width,
            tileOut);
      }
      for (int n = nFrom; n < nTo; n++) {
        System.arraycopy(tileOut, (n - nFrom) * tile, out, (n - nFrom) * m + c0, width);
      }
    });
    return out;
  }

  /**
   * The element codes ({@code codes[i * TILE + j]}, block order) and block scales ({@code aScale[b * TILE + j]}
   * = {@code 2^X}) of panel column {@code col}, stored as tile column {@code j}.
   */
  private void column(ActivationPanel p, int col, int j, int[] codes, double[] aScale) {
    int tile = MxTableGemm.TILE;
    for (int b = 0; b < blocks; b++) {
      int x = Integer.MIN_VALUE;
      for (int i = blockStart[b]; i < blockStart[b + 1]; i++) {
        x = Math.max(x, codeExponent[p.get(order[i], col) & 0xFF]);
      }
      x = x == Integer.MIN_VALUE ? lowExponent : x;
      aScale[b * tile + j] = Math.scalb(1.0, x);
      int[] map = elementCode[x - lowExponent];
      for (int i = blockStart[b]; i < blockStart[b + 1]; i++) {
        codes[i * tile + j] = map[p.get(order[i], col) & 0xFF];
      }
    }
  }
}
