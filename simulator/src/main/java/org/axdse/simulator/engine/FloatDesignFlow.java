package org.axdse.simulator.engine;

import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Accumulator;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.FloatTableGemm;
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
 *   <li>Weights: the model's float weights, rounded once to the format with one scale {@code s_f = amax(w) /
 *       maxFinite} per tensor, or per output channel when the layer's integer quantization is per channel
 *       ({@code --per-channel}) (round to nearest, ties to even, saturating: {@link Minifloat#encode}).
 *   <li>Activations: input code {@code x} means {@code s_in * (x - z_in)}; it becomes the format code of that
 *       value over {@code s_a = max(|rangeMin|, |rangeMax|) / maxFinite} (the integer calibration's range), one
 *       256-entry map per layer.
 *   <li>Products: the design's product table, code by code (activation first), each entry's exact value
 *       ({@link FloatProduct}); sums in double in reduction order {@code k}, one column on one thread, so the result
 *       is the same on every thread count (exact for E4M3 and E3M4 products of the exact and truncated designs,
 *       whose sums stay within 53 bits); or, for a design named with an accumulator ({@code _accfp32}, {@code
 *       _accfp16}, {@code _accbf16}), rounded after every product ({@link FloatAccumulation}).
 *   <li>Back to the engine: {@code T = round(sum * s_a * s_f / (s_in * s_w[n]))} (halves away from zero) is the
 *       sum in the layer's accumulator units; the written accumulator is {@code T} plus the zero-point terms the
 *       {@link Requantizer} subtracts again, so the engine adds the int32 bias and requantizes as for any layer.
 * </ol>
 *
 * <p>Two ways to the same sums, bit for bit: where every product of the layer is an integer multiple of one power
 * of two and the double sum is provably exact, the integer table kernels sum 16-bit pieces of the products
 * ({@link FloatTablePieces}); elsewhere the vectorized double loop ({@link FloatTableGemm}). {@link
 * #scalarReference()} is the scalar loop both replaced.
 */
public final class FloatDesignFlow implements LayerDataflow {
  private static final int COLUMN_BLOCK = FloatTableGemm.TILE;
  private static final int ROW_BLOCK = 16;

  private final String design;
  private final int rows;
  private final int k;
  private final int weightBits;
  private final int[] weightCodes;
  private final double[] products;
  private final FloatAccumulators accumulators;
  private final boolean signedInput;
  private final boolean scalar;
  private final FloatTablePieces pieces;
  private final ApproximableLayer layer;
  private final LayerQuantization quantization;
  private final Multiplier multiplier;
  private final Accumulator accumulator;

  /** How the sums run: the fastest path that applies, the vectorized double loop, or the scalar reference loop. */
  private enum Path { FAST, TWO_PASS, DOUBLES, SCALAR }

  private FloatDesignFlow(ApproximableLayer layer, LayerQuantization q, Multiplier design, Path path) {
    this.layer = layer;
    this.quantization = q;
    this.multiplier = design;
    this.scalar = path == Path.SCALAR;
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
    this.accumulator = FloatAccumulation.of(design, layer.name());
    this.k = w.length / rows;
    this.weightBits = f.bits();
    boolean perChannel = q.weights().channels() > 1;
    double[] sf = new double[rows];
    double wAmax = 0;
    for (int n = 0; n < rows; n++) {
      double rowAmax = 0;
      for (int i = n * k; i < (n + 1) * k; i++) {
        rowAmax = Math.max(rowAmax, Math.abs(w[i]));
      }
      sf[n] = scale(rowAmax, f);
      wAmax = Math.max(wAmax, rowAmax);
    }
    if (!perChannel) {
      java.util.Arrays.fill(sf, scale(wAmax, f));
    }
    this.weightCodes = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      weightCodes[i] = f.encode(w[i] / sf[i / k]);
    }
    QuantParams in = q.input();
    double sa = scale(Math.max(Math.abs(in.rangeMin()), Math.abs(in.rangeMax())), f);
    this.signedInput = in.signed();
    ProductTable table = design.table();
    int codes = 1 << weightBits;
    double[] byWeight = new double[codes << 8];
    for (int b = 0; b < 256; b++) {
      int x = signedInput ? (byte) b : b;
      int a = f.encode(in.dequantize(x) / sa);
      for (int c = 0; c < codes; c++) {
        byWeight[(c << 8) | b] = FloatProduct.unpack(table.product(a, c)).value();
      }
    }
    double[] unit = new double[rows];
    for (int n = 0; n < rows; n++) {
      unit[n] = sa * sf[n];
    }
    this.accumulators = new FloatAccumulators(q, rows, k, unit);
    this.pieces = (path == Path.FAST || path == Path.TWO_PASS) && accumulator == Accumulator.EXACT
        ? FloatTablePieces.of(byWeight, weightCodes, rows, k, signedInput, path == Path.FAST) : null;
    this.products = pieces == null ? byWeight : null; // with pieces, their tables hold the products
  }

  /**
   * The float layer of {@code layer} (a convolution or dense layer) with its integer quantization {@code q} and the
   * float multiplier {@code design}.
   */
  public static FloatDesignFlow of(ApproximableLayer layer, LayerQuantization q, Multiplier design) {
    return new FloatDesignFlow(layer, q, design, Path.FAST);
  }

  private static double scale(double amax, Minifloat f) {
    return amax > 0 && Double.isFinite(amax) ? amax / f.maxFinite() : 1;
  }

  /**
   * This layer with the scalar sums it had before {@link FloatTableGemm} ({@link FloatTableGemm#sumsScalar}): the
   * same accumulators, slower; the reference of tests and {@code bench float-designs}.
   */
  public FloatDesignFlow scalarReference() {
    return new FloatDesignFlow(layer, quantization, multiplier, Path.SCALAR);
  }

  /**
   * This layer with one table-kernel pass per product piece even where a convolution's two pieces could share one
   * pass ({@code Kernels.convPieces}): the same accumulators; the path before, for tests and {@code bench
   * float-designs}.
   */
  public FloatDesignFlow twoPass() {
    return new FloatDesignFlow(layer, quantization, multiplier, Path.TWO_PASS);
  }

  /** This layer on the vectorized double path ({@link FloatTableGemm}) even where the table kernels apply. */
  FloatDesignFlow doublePath() {
    return new FloatDesignFlow(layer, quantization, multiplier, Path.DOUBLES);
  }

  /** Kernel passes per call when the layer runs through the integer table kernels, 0 on the double path. */
  public int tablePieces() {
    return pieces == null ? 0 : pieces.pieces();
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
    g.requireShape(rows, k);
    int m = batch * g.outHeight() * g.outWidth();
    int perGroup = g.groupOutChannels();
    if (pieces != null) {
      int[] colSums = columnSums != null ? columnSums
          : accumulators.weightsSymmetric() ? null : new int[g.groups() * m];
      int[][] sums = pieces.conv(g, batch, input, padCode, colSums, kernels);
      kernels.parallelFor(rows, n -> toAccumulators(sums, n, m, colSums, n / perGroup * m, acc));
      return;
    }
    Im2Col.eachGroup(g, batch, input, padCode, (panel, group, from, to) -> {
      int[] sums = columnSums == null ? new int[m] : null;
      run(panel, from, to, acc, sums != null ? sums : columnSums, sums != null ? 0 : group * m, kernels);
    });
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    if (panel.rows() != k) {
      throw new IllegalArgumentException("panel has " + panel.rows() + " rows for reduction " + k);
    }
    if (pieces != null) {
      int m = panel.cols();
      int[] colSums = accumulators.weightsSymmetric() ? null : new int[m];
      if (colSums != null) {
        panel.columnSums(signedInput, colSums);
      }
      int[][] sums = pieces.gemm(panel, kernels);
      kernels.parallelFor(rows, n -> toAccumulators(sums, n, m, colSums, 0, acc));
      return;
    }
    run(panel, 0, rows, acc, new int[panel.cols()], 0, kernels);
  }

  /**
   * The sums of every row and panel column (row-major) before conversion to accumulators, in reduction order under
   * the layer's accumulator, for tests; not on the table-piece path (use {@link #doublePath()}).
   */
  double[] sums(ActivationPanel p) {
    if (products == null) {
      throw new IllegalStateException(design + " runs through the table pieces");
    }
    double[] out = new double[rows * p.cols()];
    FloatAccumulation.sums(products, weightCodes, k, 0, rows, p, 0, p.cols(), accumulator, out, p.cols());
    return out;
  }

  /** Row {@code n} of the accumulators from the exact piece sums (the double path's {@link #accumulator}). */
  private void toAccumulators(int[][] sums, int n, int m, int[] colSums, int sumsOff, int[] acc) {
    for (int col = 0; col < m; col++) {
      acc[n * m + col] = accumulator(pieces.sum(sums, n * m + col), n, colSums == null ? 0 : colSums[sumsOff + col]);
    }
  }

  private int accumulator(double s, int n, int colSum) {
    return accumulators.of(s, n, colSum);
  }

  private void run(ActivationPanel p, int nFrom, int nTo, int[] acc, int[] sums, int sumsOff, Kernels kernels) {
    int m = p.cols();
    int blocks = (m + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    kernels.parallelFor(blocks, t -> block(p, nFrom, nTo, t * COLUMN_BLOCK,
        Math.min(m, (t + 1) * COLUMN_BLOCK), acc, sums, sumsOff));
  }

  private void block(ActivationPanel p, int nFrom, int nTo, int c0, int c1, int[] acc, int[] sums, int sumsOff) {
    int m = p.cols();
    for (int col = c0; col < c1; col++) {
      int colSum = 0;
      for (int kk = 0; kk < k; kk++) {
        byte code = p.get(kk, col);
        colSum += signedInput ? code : code & 0xFF;
      }
      sums[sumsOff + col] = colSum;
    }
    int[] codes = new int[k * COLUMN_BLOCK];
    double[] out = new double[ROW_BLOCK * COLUMN_BLOCK];
    for (int n0 = nFrom; n0 < nTo; n0 += ROW_BLOCK) {
      int n1 = Math.min(nTo, n0 + ROW_BLOCK);
      if (accumulator != Accumulator.EXACT) {
        FloatAccumulation.sums(products, weightCodes, k, n0, n1, p, c0, c1, accumulator, out, COLUMN_BLOCK);
      } else if (scalar) {
        FloatTableGemm.sumsScalar(products, weightCodes, k, n0, n1, p, c0, c1, codes, out);
      } else {
        FloatTableGemm.sums(products, weightCodes, k, n0, n1, p, c0, c1, codes, out);
      }
      for (int n = n0; n < n1; n++) {
        for (int col = c0; col < c1; col++) {
          acc[n * m + col] = accumulator(out[(n - n0) * COLUMN_BLOCK + col - c0], n, sums[sumsOff + col]);
        }
      }
    }
  }
}
