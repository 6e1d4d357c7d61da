package org.axdse.simulator.engine;

import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Im2Col;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * A convolution or dense layer of the integer engine whose multiplier is a float design (a minifloat multiplier
 * of {@code org.axdse.multipliers.generators.FloatDesign}, exact or approximate): the layer's tensors stay 8-bit
 * integer codes, as everywhere in the engine, and the layer converts them to its float format.
 *
 * <ol>
 *   <li>Weights: the model's float weights, rounded once to the format with one per-tensor scale
 *       {@code s_f = amax(w) / maxFinite} (round to nearest, ties to even, saturating: {@link Minifloat#encode}).
 *   <li>Activations: input code {@code x} means {@code s_in * (x - z_in)}; it becomes the format code of that
 *       value over {@code s_a = max(|rangeMin|, |rangeMax|) / maxFinite} (the integer calibration's range), one
 *       256-entry map per layer.
 *   <li>Products: the design's product table, code by code (activation first), each entry's exact value
 *       ({@link FloatProduct}); sums in double in reduction order {@code k}, one column on one thread, so the result
 *       is the same on every thread count (exact for E4M3 and E3M4 products of the exact and truncated designs,
 *       whose sums stay within 53 bits).
 *   <li>Back to the engine: {@code T = round(sum * s_a * s_f / (s_in * s_w[n]))} (halves away from zero) is the
 *       sum in the layer's accumulator units; the written accumulator is {@code T} plus the zero-point terms the
 *       {@link Requantizer} subtracts again, so the engine adds the int32 bias and requantizes as for any layer.
 * </ol>
 */
public final class FloatDesignFlow implements LayerDataflow {
  private static final int COLUMN_BLOCK = 64;

  private final String design;
  private final int rows;
  private final int k;
  private final int weightBits;
  private final int[] weightCodes;
  private final double[] products;
  private final double[] toAccumulator;
  private final long[] rowOffset;
  private final int[] weightZero;
  private final boolean signedInput;

  private FloatDesignFlow(ApproximableLayer layer, LayerQuantization q, Multiplier design) {
    Minifloat f = design.format().element();
    if (f == null) {
      throw new IllegalArgumentException(design.name() + " is not a float multiplier");
    }
    float[] w;
    if (layer instanceof ConvLayer c) {
      rows = c.outC();
      w = c.weights();
    } else if (layer instanceof DenseLayer d) {
      rows = d.outFeatures();
      w = d.weights();
    } else {
      throw new IllegalArgumentException("layer '" + layer.name() + "' is not a convolution or dense layer");
    }
    this.design = design.name();
    this.k = w.length / rows;
    this.weightBits = f.bits();
    double wAmax = 0;
    for (float v : w) {
      wAmax = Math.max(wAmax, Math.abs(v));
    }
    double sf = scale(wAmax, f);
    this.weightCodes = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      weightCodes[i] = f.encode(w[i] / sf);
    }
    QuantParams in = q.input();
    double sa = scale(Math.max(Math.abs(in.rangeMin()), Math.abs(in.rangeMax())), f);
    this.signedInput = in.signed();
    ProductTable table = design.table();
    int codes = 1 << weightBits;
    this.products = new double[256 * codes];
    for (int b = 0; b < 256; b++) {
      int x = signedInput ? (byte) b : b;
      int a = f.encode(in.dequantize(x) / sa);
      for (int c = 0; c < codes; c++) {
        products[(b << weightBits) | c] = FloatProduct.unpack(table.product(a, c)).value();
      }
    }
    this.toAccumulator = new double[rows];
    this.rowOffset = new long[rows];
    this.weightZero = new int[rows];
    int za = in.zeroPoint();
    for (int n = 0; n < rows; n++) {
      QuantParams pw = q.weights().paramsOf(n * k);
      toAccumulator[n] = sa * sf / (in.scale() * pw.scale());
      weightZero[n] = pw.zeroPoint();
      long rowSum = 0;
      for (int i = n * k; i < (n + 1) * k; i++) {
        rowSum += q.weights().code(i);
      }
      rowOffset[n] = za * rowSum - (long) k * za * weightZero[n];
    }
  }

  /**
   * The float layer of {@code layer} (a convolution or dense layer) with its integer quantization {@code q} and the
   * float multiplier {@code design}.
   */
  public static FloatDesignFlow of(ApproximableLayer layer, LayerQuantization q, Multiplier design) {
    return new FloatDesignFlow(layer, q, design);
  }

  private static double scale(double amax, Minifloat f) {
    return amax > 0 && Double.isFinite(amax) ? amax / f.maxFinite() : 1;
  }

  /** The float design's name. */
  public String design() {
    return design;
  }

  /** The float code of every weight (row-major, {@code rows x k}). */
  public int[] weightCodes() {
    return weightCodes.clone();
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    if (g.reduction() != k || g.outChannels() != rows) {
      throw new IllegalArgumentException("geometry " + g + " does not match " + rows + " x " + k);
    }
    int m = batch * g.outHeight() * g.outWidth();
    ActivationPanel panel = ActivationPanel.allocate(k, m);
    int perGroup = g.groupOutChannels();
    for (int group = 0; group < g.groups(); group++) {
      Im2Col.pack(g, batch, input, group, padCode, panel);
      int[] sums = columnSums == null ? new int[m] : null;
      run(panel, group * perGroup, (group + 1) * perGroup, acc, sums != null ? sums : columnSums,
          sums != null ? 0 : group * m, kernels);
    }
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    if (panel.rows() != k) {
      throw new IllegalArgumentException("panel has " + panel.rows() + " rows for reduction " + k);
    }
    run(panel, 0, rows, acc, new int[panel.cols()], 0, kernels);
  }

  private void run(ActivationPanel p, int nFrom, int nTo, int[] acc, int[] sums, int sumsOff, Kernels kernels) {
    int m = p.cols();
    int blocks = (m + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    kernels.parallelFor(blocks, t -> block(p, nFrom, nTo, t * COLUMN_BLOCK,
        Math.min(m, (t + 1) * COLUMN_BLOCK), acc, sums, sumsOff));
  }

  private void block(ActivationPanel p, int nFrom, int nTo, int c0, int c1, int[] acc, int[] sums, int sumsOff) {
    int m = p.cols();
    int[] base = new int[k];
    for (int col = c0; col < c1; col++) {
      int colSum = 0;
      for (int kk = 0; kk < k; kk++) {
        byte code = p.get(kk, col);
        colSum += signedInput ? code : code & 0xFF;
        base[kk] = (code & 0xFF) << weightBits;
      }
      sums[sumsOff + col] = colSum;
      for (int n = nFrom; n < nTo; n++) {
        double s = 0;
        for (int kk = 0, w = n * k; kk < k; kk++, w++) {
          s += products[base[kk] + weightCodes[w]];
        }
        long t = QuantParams.roundHalfAway(s * toAccumulator[n]) + rowOffset[n] + (long) weightZero[n] * colSum;
        acc[n * m + col] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, t));
      }
    }
  }
}
