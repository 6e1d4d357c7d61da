package org.axdse.simulator.precision;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The least-squares codebook of shared weights for a fixed assignment: the centroids {@code c} that minimise
 * {@code sum_r (w_r - c[id_r])^T H_r (w_r - c[id_r]) + lambda |w_r - c[id_r]|^2} over the rows r that share them,
 * where {@code id_r[i]} names the centroid weight i of row r takes and {@code H_r} is the second moment (or
 * covariance) of row r's inputs: the output error of the shared row plus a small k-means term that keeps the
 * system well posed. Setting the gradient to zero gives the {@code m x m} system {@code (A^T (H + lambda I) A) c =
 * A^T (H + lambda I) w} summed over rows (A the 0/1 assignment matrix), solved by Cholesky (Commons Math).
 */
public final class CodebookRefit {
  private CodebookRefit() {}

  /**
   * Accumulates rows and solves for the {@code m} centroids. Rows are added in a fixed order by the caller, so the
   * sums (and the result) are deterministic.
   */
  public static final class NormalEquations {
    private final double[][] a;
    private final double[] b;
    private final int[] count;

    public NormalEquations(int m) {
      a = new double[m][m];
      b = new double[m];
      count = new int[m];
    }

    /**
     * Adds the row {@code w[from, from + ids.length)} with centroid ids {@code ids} (each in {@code [0, m)}) and
     * input moment {@code h} damped by {@code lambda}.
     */
    public void add(float[] w, int from, int[] ids, double[][] h, double lambda) {
      int k = ids.length;
      for (int i = 0; i < k; i++) {
        double hw = lambda * w[from + i];
        double[] hi = h[i];
        double[] ai = a[ids[i]];
        for (int j = 0; j < k; j++) {
          hw += hi[j] * w[from + j];
          ai[ids[j]] += hi[j];
        }
        ai[ids[i]] += lambda;
        b[ids[i]] += hw;
        count[ids[i]]++;
      }
    }

    /**
     * The centroids; an id no weight takes keeps {@code fallback[id]}, as does every id when the system is not
     * positive definite (returns {@code fallback} itself then).
     */
    public double[] solve(double[] fallback) {
      int m = b.length;
      int[] used = java.util.stream.IntStream.range(0, m).filter(i -> count[i] > 0).toArray();
      double[][] sub = new double[used.length][used.length];
      double[] rhs = new double[used.length];
      for (int i = 0; i < used.length; i++) {
        rhs[i] = b[used[i]];
        for (int j = 0; j < used.length; j++) {
          sub[i][j] = (a[used[i]][used[j]] + a[used[j]][used[i]]) / 2;
        }
      }
      double[] x;
      try {
        x = new CholeskyDecomposition(new Array2DRowRealMatrix(sub, false), 1e-9, 0).getSolver()
            .solve(new ArrayRealVector(rhs, false)).toArray();
      } catch (NonPositiveDefiniteMatrixException e) {
        return fallback;
      }
      double[] c = fallback.clone();
      for (int i = 0; i < used.length; i++) {
        c[used[i]] = x[i];
      }
      return c;
    }
  }
}
