package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import java.util.stream.IntStream;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.kernels.DoubleGemm;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.PatchMatrix;
import org.axdse.simulator.model.Shape;

/**
 * One convolution or dense layer in a float format. Weights are rounded once (per tensor, per output channel or
 * in MX blocks of 32 input channels at one kernel tap, or 32 consecutive inputs of a dense row); activations are
 * rounded as they arrive (per tensor with the calibrated scale, or MX blocks of 32 channels at one pixel, or 32
 * consecutive features). Output {@code y[n] = acc[n] * s_a * s_w[n] + bias[n]} in double, stored as float, with
 * {@code acc} the products' sum under the {@link Accumulator}: exact (a double, see {@link DoubleGemm}) or rounded
 * after each addition in reduction order {@code k = (c*kH + ky)*kW + kx}. Thread-safe; samples run in parallel,
 * each on one thread.
 */
public final class FormatLayer {
  private final ApproximableLayer layer;
  private final FormatChoice choice;
  private final FormatGrid grid;
  private final double activationScale;
  private final float[] weights;
  private final double[] weightsD;
  private final double[] weightScales;
  private final int rows;
  private final int reduction;

  private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[2][0]);

  private FormatLayer(ApproximableLayer layer, FormatChoice choice, double activationAmax) {
    this.layer = layer;
    this.choice = choice;
    this.grid = FormatGrid.of(choice.format());
    float[] w;
    if (layer instanceof ConvLayer c) {
      rows = c.outC();
      reduction = c.inC() / c.groups() * c.window().kH() * c.window().kW();
      w = c.weights();
    } else if (layer instanceof DenseLayer d) {
      rows = d.outFeatures();
      reduction = d.inFeatures();
      w = d.weights();
    } else {
      throw new BadInputException("layer '" + layer.name() + "' (" + layer.kind() + "): number format "
          + choice.format().name() + " covers convolution and dense layers only");
    }
    choice.checkAccumulator(layer.name());
    this.activationScale = choice.scale() == ScaleKind.MX32 ? 1 : scaleOf(activationAmax);
    this.weights = new float[w.length];
    this.weightScales = new double[rows];
    roundWeights(w);
    this.weightsD = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      weightsD[i] = weights[i];
    }
  }

  /**
   * The layer with weights rounded now and activations to be rounded with the scale {@code activationAmax /
   * maxFinite} (ignored for MX).
   *
   * @throws BadInputException for a recurrent layer or an accumulator narrower than the products
   */
  public static FormatLayer of(ApproximableLayer layer, FormatChoice choice, double activationAmax) {
    return new FormatLayer(layer, choice, activationAmax);
  }

  private double scaleOf(double amax) {
    return amax > 0 && Double.isFinite(amax) ? amax / grid.maxFinite() : 1;
  }

  private void roundWeights(float[] w) {
    int per = w.length / rows;
    if (choice.scale() == ScaleKind.MX32) {
      java.util.Arrays.fill(weightScales, 1);
      for (int n = 0; n < rows; n++) {
        if (layer instanceof ConvLayer c) {
          int taps = c.window().kH() * c.window().kW();
          BlockRounding.channelBlocks(grid, w, n * per, weights, n * per, per / taps, taps);
        } else {
          BlockRounding.blocks(grid, w, n * per, weights, n * per, per);
        }
      }
      return;
    }
    double tensorAmax = 0;
    for (float v : w) {
      tensorAmax = Math.max(tensorAmax, Math.abs(v));
    }
    if (choice.weightMse() && choice.scale() == ScaleKind.TENSOR) {
      tensorAmax = ActivationRanges.weightAmax(w, 0, w.length, grid);
    }
    for (int n = 0; n < rows; n++) {
      double amax = tensorAmax;
      if (choice.scale() == ScaleKind.CHANNEL) {
        amax = 0;
        for (int i = n * per; i < (n + 1) * per; i++) {
          amax = Math.max(amax, Math.abs(w[i]));
        }
        amax = choice.weightMse() ? ActivationRanges.weightAmax(w, n * per, per, grid) : amax;
      }
      weightScales[n] = scaleOf(amax);
      BlockRounding.scaled(grid, weightScales[n], w, n * per, weights, n * per, per);
    }
  }

  public ApproximableLayer layer() {
    return layer;
  }

  public double activationScale() {
    return activationScale;
  }

  /** True when the products' sums are provably exact, or the accumulator rounds by definition. */
  public boolean exactSums() {
    return choice.accumulator() != Accumulator.EXACT || choice.exactSums(reduction);
  }

  /** The rounded weights (unscaled, or with their MX scales), in the layer's weight layout. */
  public float[] roundedWeights() {
    return weights.clone();
  }

  /** The per-output-channel weight scales (1 for MX). */
  public double[] weightScales() {
    return weightScales.clone();
  }

  /** The layer's activations rounded to the format, for {@code batch} batch-first samples of {@code in}. */
  public float[] roundActivations(float[] in, int batch) {
    int per = layer.input().shape().size();
    float[] out = new float[in.length];
    IntStream.range(0, batch).parallel().forEach(s -> roundSample(in, s * per, out, per));
    return out;
  }

  private void roundSample(float[] in, int off, float[] out, int per) {
    if (choice.scale() != ScaleKind.MX32) {
      BlockRounding.scaled(grid, activationScale, in, off, out, off, per);
    } else if (layer instanceof ConvLayer) {
      Shape s = layer.input().shape();
      BlockRounding.channelBlocks(grid, in, off, out, off, s.dim(0), s.dim(1) * s.dim(2));
    } else {
      int features = ((DenseLayer) layer).inFeatures();
      for (int r = 0; r < per; r += features) {
        BlockRounding.blocks(grid, in, off + r, out, off + r, features);
      }
    }
  }

  /** The layer's output for {@code batch} batch-first samples of float input {@code in}. */
  public float[] run(float[] in, int batch) {
    float[] q = roundActivations(in, batch);
    int inPer = layer.input().shape().size();
    int outPer = layer.output().shape().size();
    float[] out = new float[Math.multiplyExact(batch, outPer)];
    IntStream.range(0, batch).parallel().forEach(s -> {
      if (layer instanceof ConvLayer c) {
        conv(c, q, s * inPer, out, s * outPer);
      } else {
        dense((DenseLayer) layer, q, s * inPer, out, s * outPer);
      }
    });
    return out;
  }

  private void conv(ConvLayer c, float[] q, int inOff, float[] out, int outOff) {
    Shape os = c.output().shape();
    int p = os.dim(1) * os.dim(2);
    int coutG = c.outC() / c.groups();
    float[] col = floats(reduction * p);
    double[][] d = doubles(reduction * p, coutG * p);
    for (int g = 0; g < c.groups(); g++) {
      PatchMatrix.fill(c, q, inOff, g, col);
      if (choice.accumulator() == Accumulator.EXACT) {
        double[] colD = d[0];
        for (int i = 0, n = reduction * p; i < n; i++) {
          colD[i] = col[i];
        }
        DoubleGemm.multiply(weightsD, g * coutG * reduction, coutG, reduction, colD, p, d[1]);
      } else {
        roundedGemm(g * coutG, coutG, col, p, d[1]);
      }
      for (int r = 0; r < coutG; r++) {
        int n = g * coutG + r;
        double scale = activationScale * weightScales[n];
        double bias = c.bias()[n];
        for (int j = 0; j < p; j++) {
          out[outOff + n * p + j] = (float) (d[1][r * p + j] * scale + bias);
        }
      }
    }
  }

  /** Rows {@code [row0, row0 + m)} against {@code col}, rounding after every addition, in k order. */
  private void roundedGemm(int row0, int m, float[] col, int p, double[] acc) {
    Accumulator a = choice.accumulator();
    for (int r = 0; r < m; r++) {
      int w0 = (row0 + r) * reduction;
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k < reduction; k++) {
          s = a.round(s + weightsD[w0 + k] * col[k * p + j]);
        }
        acc[r * p + j] = s;
      }
    }
  }

  private void dense(DenseLayer l, float[] q, int inOff, float[] out, int outOff) {
    Accumulator a = choice.accumulator();
    int nIn = l.inFeatures();
    int nOut = l.outFeatures();
    for (int r = 0, rowCount = l.rows(); r < rowCount; r++) {
      int x = inOff + r * nIn;
      for (int o = 0; o < nOut; o++) {
        double s = 0;
        for (int i = 0; i < nIn; i++) {
          s = a.round(s + weightsD[o * nIn + i] * q[x + i]);
        }
        out[outOff + r * nOut + o] = (float) (s * activationScale * weightScales[o] + l.bias()[o]);
      }
    }
  }

  private static float[] floats(int n) {
    float[][] f = FLOATS.get();
    if (f[0].length < n) {
      f[0] = new float[n];
    }
    return f[0];
  }

  private static double[][] doubles(int n0, int n1) {
    double[][] d = DOUBLES.get();
    if (d[0].length < n0) {
      d[0] = new double[n0];
    }
    if (d[1].length < n1) {
      d[1] = new double[n1];
    }
    return d;
  }
}
