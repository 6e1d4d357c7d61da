package org.axdse.simulator.precision;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.axdse.simulator.quant.QuantParams;

/**
 * Error-feedback rounding of one weight row under the second moment {@code H} of its inputs: GPTQ (Frantar et al.,
 * "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers", ICLR 2023), the
 * column-by-column form of Optimal Brain Quantization. The row's weights are rounded one at a time, in order of
 * decreasing {@code H_ii} ("act order"), on the row's fixed grid ({@link QuantParams}: scale, zero point, range);
 * the rounding error of each is spread over the weights not yet rounded so that the output error {@code dw^T H dw}
 * grows the least, through the upper Cholesky factor {@code U} of {@code (H + lambda I)^-1} ({@code lambda} = the
 * damping times the mean diagonal, 1% in GPTQ). Pure arithmetic in a fixed order: deterministic.
 */
public final class Gptq {
  /** GPTQ's default damping: 1% of the mean diagonal of H. */
  public static final double DAMP = 0.01;

  private Gptq() {}

  /**
   * What rounding a row under one H needs: the order the weights are rounded in and the upper Cholesky factor of
   * the damped inverse in that order; null when H cannot be factored even with 100 times the damping.
   */
  public record Factor(int[] order, double[][] u) {}

  /** The factor of {@code h} (symmetric, positive semi-definite) with damping {@code damp}. */
  public static Factor factor(double[][] h, double damp) {
    int k = h.length;
    double trace = 0;
    for (int i = 0; i < k; i++) {
      trace += h[i][i];
    }
    double mean = trace > 0 ? trace / k : 1;
    int[] order = java.util.stream.IntStream.range(0, k).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -h[i][i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
    for (int attempt = 0; attempt < 3; attempt++) {
      double lambda = damp * StrictMath.pow(10, attempt) * mean;
      double[][] a = new double[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          a[i][j] = h[order[i]][order[j]];
        }
        a[i][i] += lambda;
      }
      try {
        RealMatrix inv = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-9, 0)
            .getSolver().getInverse();
        double[][] s = new double[k][k];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            s[i][j] = (inv.getEntry(i, j) + inv.getEntry(j, i)) / 2;
          }
        }
        return new Factor(order, new CholeskyDecomposition(new Array2DRowRealMatrix(s, false), 1e-9, 0)
            .getLT().getData());
      } catch (NonPositiveDefiniteMatrixException e) {
        // more damping
      }
    }
    return null;
  }

  /**
   * The codes of the {@code k} weights {@code w[from, from + k)} on grid {@code p}, rounded with error feedback
   * under {@code f}.
   */
  public static int[] round(float[] w, int from, int k, QuantParams p, Factor f) {
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = w[from + f.order()[i]];
    }
    double[][] u = f.u();
    int[] codes = new int[k];
    for (int i = 0; i < k; i++) {
      int q = p.quantize(x[i]);
      codes[f.order()[i]] = q;
      double err = (x[i] - p.dequantize(q)) / u[i][i];
      for (int j = i + 1; j < k; j++) {
        x[j] -= err * u[i][j];
      }
    }
    return codes;
  }

  /** The codes of {@code w[from, from + k)} on grid {@code p}, each rounded to the nearest grid point. */
  public static int[] nearest(float[] w, int from, int k, QuantParams p) {
    int[] codes = new int[k];
    Arrays.setAll(codes, i -> p.quantize(w[from + i]));
    return codes;
  }

  /** {@code dw^T h dw}, {@code dw} the error of {@code codes} against {@code w[from, from + k)}. */
  public static double error(float[] w, int from, int[] codes, QuantParams p, double[][] h) {
    int k = codes.length;
    double[] d = new double[k];
    for (int i = 0; i < k; i++) {
      d[i] = w[from + i] - p.dequantize(codes[i]);
    }
    return Quadratic.form(d, h);
  }
}
